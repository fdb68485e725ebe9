package io.actorbeans.internal;

import io.actorbeans.Handles;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * A shutdown's abort against the end of a turn: one thread sends an idle actor a message,
 * whose turn runs on the pool and ends by giving up the schedule state, while another
 * thread aborts the actor, as a shutdown that ran out of time does. An abort that sees
 * the schedule state held leaves the ending to its holder, so the turn's end must see the
 * abort and finish the actor. The arbiter waits (at most 5 s) for the actor to finish.
 * <p>
 * Forbidden: the actor terminated but never finished (not unregistered, its behaviour
 * never destroyed): the turn gave up the schedule state without seeing the abort.
 * <p>
 * Result: whether the actor finished, and whether its message was handled (either is
 * fine: the abort may come before the turn or after it).
 */
@JCStressTest
@Outcome(id = "true, true", expect = ACCEPTABLE, desc = "Handled, then aborted; finished.")
@Outcome(id = "true, false", expect = ACCEPTABLE,
		desc = "Aborted before the turn; finished, the message a dead letter.")
@Outcome(id = "false, .*", expect = FORBIDDEN, desc = "Aborted but never finished: the turn's end missed the abort.")
@State
public class ActorAbortVsTurnEndTest {

	private final Recorder recorder = new Recorder();

	private final ActorCell actor = (ActorCell) StressSystem.SYSTEM.spawn(StressSystem.uniqueName("abort"),
			this.recorder);

	@Actor
	public void sender() {
		this.actor.send("work");
	}

	@Actor
	public void aborter() {
		this.actor.abort();
	}

	@Arbiter
	public void arbiter(ZZ_Result result) {
		result.r1 = StressSystem.await(this.actor::isFinished);
		result.r2 = this.recorder.handled;
	}

	static final class Recorder {

		volatile boolean handled;

		@Handles
		void on(String message) {
			this.handled = true;
		}

	}

}
