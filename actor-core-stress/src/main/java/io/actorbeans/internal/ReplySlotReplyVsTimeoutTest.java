package io.actorbeans.internal;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;

import io.actorbeans.internal.StressSystem.Reply;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * A reply races the caller's timeout on a call's {@link ReplySlot}: the caller waits no
 * time at all (it polls, yields, then gives up), while the reply comes after a varying
 * delay of up to 20 microseconds. Exactly one wins: the caller returns the reply, or
 * times out and the reply becomes a late reply.
 * <p>
 * Forbidden: the caller timed out and the reply is not late (a lost reply); the caller
 * got the reply and it is also late; the caller got anything else.
 * <p>
 * Result: the caller got the reply (1), timed out (2) or anything else (3); the reply was
 * late (1) or not (0).
 */
@JCStressTest
@Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "The reply came in time.")
@Outcome(id = "2, 1", expect = ACCEPTABLE, desc = "The caller timed out; the reply became a late reply.")
@Outcome(id = "2, 0", expect = FORBIDDEN, desc = "The caller timed out, yet the reply is not late: it is lost.")
@Outcome(id = "1, 1", expect = FORBIDDEN, desc = "The caller got the reply, yet it is also a late reply.")
@Outcome(expect = FORBIDDEN, desc = "The caller got something else.")
@State
public class ReplySlotReplyVsTimeoutTest {

	private final ReplySlot slot = ReplySlot.forCall(StressSystem.SYSTEM, StressSystem.TARGET);

	private final Reply reply = new Reply();

	private final long delayNanos = ThreadLocalRandom.current().nextLong(20_000);

	@Actor
	public void caller(II_Result result) {
		try {
			result.r1 = (this.slot.await(0) == this.reply) ? 1 : 3;
		}
		catch (TimeoutException ex) {
			result.r1 = 2;
		}
		catch (RuntimeException ex) {
			result.r1 = 3;
		}
	}

	@Actor
	public void replier(II_Result result) {
		StressSystem.delay(this.delayNanos);
		this.slot.send(this.reply, null);
		result.r2 = this.reply.late ? 1 : 0;
	}

}
