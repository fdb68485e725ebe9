package io.actorbeans.internal;

import io.actorbeans.ActorRef;
import io.actorbeans.Handles;
import io.actorbeans.Stop;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IL_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Two threads each send two messages to an idle actor, through the public API: the first
 * send schedules a turn, and the later ones race that turn, in particular its end, where
 * the dispatcher thread gives up the schedule state and checks the mailbox once more
 * while a sender that saw the state taken leaves the message to it. Every message is
 * handled, each sender's in the order sent. The arbiter waits (at most 5 s) for the four,
 * then stops the actor.
 * <p>
 * Forbidden: fewer than four handled (a message left in the mailbox with no turn to come:
 * a lost wake-up), a sender's messages handled out of order.
 * <p>
 * Result: the messages handled, and whether each sender's came in order.
 */
@JCStressTest
@Outcome(id = "4, in order", expect = ACCEPTABLE, desc = "Every message handled, each sender's in order.")
@Outcome(id = "[0-3], .*", expect = FORBIDDEN, desc = "A message was never handled: a lost wake-up.")
@Outcome(id = ".*, reordered", expect = FORBIDDEN, desc = "A sender's messages were handled out of order.")
@Outcome(expect = FORBIDDEN, desc = "Not a possible outcome.")
@State
public class ActorSendVsTurnEndTest {

	private final Recorder recorder = new Recorder();

	private final ActorRef actor = StressSystem.SYSTEM.spawn(StressSystem.uniqueName("send"), this.recorder);

	@Actor
	public void sender1() {
		this.actor.send(11);
		this.actor.send(12);
	}

	@Actor
	public void sender2() {
		this.actor.send(21);
		this.actor.send(22);
	}

	@Arbiter
	public void arbiter(IL_Result result) {
		StressSystem.await(() -> this.recorder.handled == 4);
		result.r1 = this.recorder.handled;
		result.r2 = this.recorder.inOrder ? "in order" : "reordered";
		this.actor.send(new Stop());
	}

	/** Counts the messages and checks each sender's order. */
	static final class Recorder {

		volatile int handled;

		volatile boolean inOrder = true;

		private final int[] last = new int[3];

		@Handles
		void on(Integer message) {
			int sender = message / 10;
			if (message <= this.last[sender]) {
				this.inOrder = false;
			}
			this.last[sender] = message;
			this.handled++;
		}

	}

}
