package io.actorbeans.internal;

import io.actorbeans.FailurePolicy;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Two producers count a message into a bounded mailbox of capacity 1 at once: exactly one
 * is accepted, the count is then 1 (never above the capacity), and 0 once the accepted
 * message is counted out.
 * <p>
 * Forbidden: both or neither accepted, a count other than 1 after the race (a refused
 * increment not undone, or an accepted one lost), a count other than 0 after the
 * decrement.
 * <p>
 * Result: producer 1 accepted (1) or not (0), producer 2 the same, the count after both,
 * the count after the arbiter counted the accepted message out.
 */
@JCStressTest
@Outcome(id = { "1, 0, 1, 0", "0, 1, 1, 0" }, expect = ACCEPTABLE, desc = "One accepted, the other refused.")
@Outcome(id = "1, 1, .*", expect = FORBIDDEN, desc = "Both accepted: the mailbox holds more than its capacity.")
@Outcome(id = "0, 0, .*", expect = FORBIDDEN, desc = "Both refused although the mailbox was empty.")
@Outcome(expect = FORBIDDEN, desc = "The count is wrong after the race or after the decrement.")
@State
public class CellProfileTwoProducersTest {

	private final CellProfile profile = new CellProfile(StressSystem.SYSTEM, Runnable::run, FailurePolicy.RESUME, 1,
			null);

	@Actor
	public void producer1(IIII_Result result) {
		result.r1 = this.profile.tryIncrementCount() ? 1 : 0;
	}

	@Actor
	public void producer2(IIII_Result result) {
		result.r2 = this.profile.tryIncrementCount() ? 1 : 0;
	}

	@Arbiter
	public void arbiter(IIII_Result result) {
		result.r3 = this.profile.getCount();
		for (int accepted = result.r1 + result.r2; accepted > 0; accepted--) {
			this.profile.decrementCount();
		}
		result.r4 = this.profile.getCount();
	}

}
