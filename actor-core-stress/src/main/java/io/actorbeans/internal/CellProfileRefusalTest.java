package io.actorbeans.internal;

import io.actorbeans.FailurePolicy;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * A full bounded mailbox of capacity 1: one producer tries to count a message in, while
 * the consumer counts the waiting one out and, as an actor sending to itself, then counts
 * one in. At most one of the two is accepted, and the count ends at the number accepted.
 * <p>
 * Forbidden: both accepted (more than the capacity), both refused (a refusal while the
 * mailbox had room), a final count other than the number accepted.
 * <p>
 * Result: the producer accepted (1) or not (0), the consumer the same, the count after
 * both.
 */
@JCStressTest
@Outcome(id = { "1, 0, 1", "0, 1, 1" }, expect = ACCEPTABLE, desc = "One of them took the free place.")
@Outcome(id = "0, 0, 0", expect = FORBIDDEN, desc = "Both refused, although the consumer had made room.")
@Outcome(id = "1, 1, .", expect = FORBIDDEN, desc = "Both accepted: more messages than the capacity.")
@Outcome(expect = FORBIDDEN, desc = "The count is not the number accepted.")
@State
public class CellProfileRefusalTest {

	private final CellProfile profile = new CellProfile(StressSystem.SYSTEM, Runnable::run, FailurePolicy.RESUME, 1,
			null);

	public CellProfileRefusalTest() {
		this.profile.tryIncrementCount();
	}

	@Actor
	public void producer(III_Result result) {
		result.r1 = this.profile.tryIncrementCount() ? 1 : 0;
	}

	@Actor
	public void consumer(III_Result result) {
		this.profile.decrementCount();
		result.r2 = this.profile.tryIncrementCount() ? 1 : 0;
	}

	@Arbiter
	public void arbiter(III_Result result) {
		result.r3 = this.profile.getCount();
	}

}
