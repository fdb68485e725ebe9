package io.actorbeans.internal;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.actorbeans.internal.StressSystem.Reply;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * A reply comes while the caller goes from polling its {@link ReplySlot} to parking: the
 * reply's delay (up to 100 microseconds) spans the caller's polling, its publishing
 * itself as the waiter and its park. The caller waits at most a second and is always
 * woken by the reply: it never waits out its time.
 * <p>
 * Forbidden: the caller slept until its deadline although the reply was there (a lost
 * wake-up: the replier did not see the waiter, and the waiter did not see the reply), or
 * timed out, or got anything else.
 * <p>
 * Result: the caller got the reply (1), timed out (2) or anything else (3); it waited its
 * whole second (1) or not (0); the replier found it parked (1) or not (0) just before
 * replying.
 */
@JCStressTest
@Outcome(id = "1, 0, 0", expect = ACCEPTABLE, desc = "The caller got the reply before it parked.")
@Outcome(id = "1, 0, 1", expect = ACCEPTABLE, desc = "The caller parked, and the reply woke it.")
@Outcome(id = "1, 1, .", expect = FORBIDDEN, desc = "Lost wake-up: the caller saw the reply only at its deadline.")
@Outcome(id = "2, ., .", expect = FORBIDDEN, desc = "The caller timed out although the reply came within 100 us.")
@Outcome(expect = FORBIDDEN, desc = "The caller got something else.")
@State
public class ReplySlotWakeUpTest {

	private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final ReplySlot slot = ReplySlot.forCall(StressSystem.SYSTEM, StressSystem.TARGET);

	private final Reply reply = new Reply();

	private final long delayNanos = ThreadLocalRandom.current().nextLong(100_000);

	private volatile Thread caller;

	@Actor
	public void caller(III_Result result) {
		this.caller = Thread.currentThread();
		long start = System.nanoTime();
		try {
			result.r1 = (this.slot.await(WAIT_NANOS) == this.reply) ? 1 : 3;
		}
		catch (TimeoutException ex) {
			result.r1 = 2;
		}
		catch (RuntimeException ex) {
			result.r1 = 3;
		}
		result.r2 = (System.nanoTime() - start >= WAIT_NANOS) ? 1 : 0;
	}

	@Actor
	public void replier(III_Result result) {
		StressSystem.delay(this.delayNanos);
		Thread caller = this.caller;
		result.r3 = (caller != null && caller.getState() == Thread.State.TIMED_WAITING) ? 1 : 0;
		this.slot.send(this.reply, null);
	}

}
