package io.actorbeans.internal;

import io.actorbeans.FailurePolicy;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * A full bounded mailbox of capacity 1: a producer counts a message in while the consumer
 * counts the waiting one out. The producer is accepted only if the consumer came first,
 * and the count afterwards is the number of messages accepted and not taken.
 * <p>
 * Forbidden: accepted with a final count of 0 (an accepted message not counted) or 2
 * (accepted while full), refused with a final count of 1 (a refused increment not
 * undone).
 * <p>
 * Result: whether the producer was accepted, the count after both.
 */
@JCStressTest
@Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "Refused while full; then the consumer emptied the mailbox.")
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "The consumer made room first; then the producer was accepted.")
@Outcome(id = "1, 2", expect = FORBIDDEN, desc = "Accepted while the mailbox was full.")
@Outcome(id = "1, 0", expect = FORBIDDEN, desc = "An accepted message is not counted.")
@Outcome(id = "0, 1", expect = FORBIDDEN, desc = "A refused increment was not undone.")
@Outcome(expect = FORBIDDEN, desc = "Not a possible outcome.")
@State
public class CellProfileProducerConsumerTest {

	private final CellProfile profile = new CellProfile(StressSystem.SYSTEM, Runnable::run, FailurePolicy.RESUME, 1,
			null);

	public CellProfileProducerConsumerTest() {
		this.profile.tryIncrementCount();
	}

	@Actor
	public void producer(II_Result result) {
		result.r1 = this.profile.tryIncrementCount() ? 1 : 0;
	}

	@Actor
	public void consumer() {
		this.profile.decrementCount();
	}

	@Arbiter
	public void arbiter(II_Result result) {
		result.r2 = this.profile.getCount();
	}

}
