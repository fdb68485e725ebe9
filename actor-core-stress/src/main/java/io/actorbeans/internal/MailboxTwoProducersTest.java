package io.actorbeans.internal;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IL_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Two producers enqueue two envelopes each into a {@link Mailbox}; the second producer is
 * also the consumer, as an actor that sends to itself is, and polls after each of its
 * enqueues, racing the first producer (two test threads: this runs on two cores). The
 * arbiter drains the rest. Every envelope is taken exactly once, its message visible, and
 * each producer's first before its second, whether it was taken during the race (across
 * the stub hand-over and a producer's swap-then-link window) or after. The consumer may
 * take none during the race: a poll gives up after a bounded spin on a link not written
 * yet (the first producer's, preempted between its swap and its link), and its own
 * envelopes are behind that link.
 * <p>
 * Forbidden: an envelope lost, taken twice, a producer's second taken before its first,
 * or an envelope whose message is not visible to the consumer.
 * <p>
 * Result: the envelopes the consumer took while the producers ran, and the verdict.
 */
@JCStressTest
@Outcome(id = "[1-4], ok", expect = ACCEPTABLE, desc = "Each envelope taken once, in each producer's order.")
@Outcome(id = "0, ok", expect = ACCEPTABLE_INTERESTING,
		desc = "The consumer's own envelopes sat behind the other producer's pending link; polls gave up; the arbiter took all, in order.")
@Outcome(id = ".*, lost", expect = FORBIDDEN, desc = "An envelope was never taken.")
@Outcome(id = ".*, duplicated", expect = FORBIDDEN, desc = "An envelope was taken twice.")
@Outcome(id = ".*, reordered", expect = FORBIDDEN, desc = "A producer's second envelope came before its first.")
@Outcome(id = ".*, corrupt", expect = FORBIDDEN, desc = "The consumer took an envelope whose message it could not see.")
@Outcome(expect = FORBIDDEN, desc = "Not a possible outcome.")
@State
public class MailboxTwoProducersTest {

	private final StressMailbox mailbox = new StressMailbox();

	@Actor
	public void producer(IL_Result result) {
		this.mailbox.send(1, 1);
		this.mailbox.send(1, 2);
	}

	@Actor
	public void producerAndConsumer(IL_Result result) {
		this.mailbox.send(2, 1);
		this.mailbox.takeWhileRacing(4, 8);
		this.mailbox.send(2, 2);
		this.mailbox.takeWhileRacing(4, 8);
		result.r1 = this.mailbox.takenCount();
	}

	@Arbiter
	public void arbiter(IL_Result result) {
		this.mailbox.drain();
		result.r2 = this.mailbox.verdict(2);
	}

}
