package io.actorbeans.internal;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IL_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Three producers enqueue two envelopes each into a {@link Mailbox} while a consumer of
 * its own polls; the arbiter drains the rest. Every envelope is taken exactly once, its
 * message visible, and each producer's first before its second.
 * <p>
 * Forbidden: an envelope lost, taken twice, a producer's second taken before its first,
 * or an envelope whose message is not visible to the consumer.
 * <p>
 * Four test threads: jcstress runs this only on four or more CPUs
 * ({@link MailboxTwoProducersTest} is the two-core version).
 * <p>
 * Result: the envelopes the consumer took while the producers ran, and the verdict.
 */
@JCStressTest
@Outcome(id = "[0-6], ok", expect = ACCEPTABLE, desc = "Each envelope taken once, in each producer's order.")
@Outcome(id = ".*, lost", expect = FORBIDDEN, desc = "An envelope was never taken.")
@Outcome(id = ".*, duplicated", expect = FORBIDDEN, desc = "An envelope was taken twice.")
@Outcome(id = ".*, reordered", expect = FORBIDDEN, desc = "A producer's second envelope came before its first.")
@Outcome(id = ".*, corrupt", expect = FORBIDDEN, desc = "The consumer took an envelope whose message it could not see.")
@Outcome(expect = FORBIDDEN, desc = "Not a possible outcome.")
@State
public class MailboxThreeProducersOneConsumerTest {

	private final StressMailbox mailbox = new StressMailbox();

	@Actor
	public void producer1() {
		this.mailbox.send(1, 1);
		this.mailbox.send(1, 2);
	}

	@Actor
	public void producer2() {
		this.mailbox.send(2, 1);
		this.mailbox.send(2, 2);
	}

	@Actor
	public void producer3() {
		this.mailbox.send(3, 1);
		this.mailbox.send(3, 2);
	}

	@Actor
	public void consumer(IL_Result result) {
		this.mailbox.takeWhileRacing(6, 96);
		result.r1 = this.mailbox.takenCount();
	}

	@Arbiter
	public void arbiter(IL_Result result) {
		this.mailbox.drain();
		result.r2 = this.mailbox.verdict(3);
	}

}
