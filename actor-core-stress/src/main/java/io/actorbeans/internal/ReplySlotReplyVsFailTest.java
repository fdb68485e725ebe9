package io.actorbeans.internal;

import java.util.concurrent.TimeoutException;

import io.actorbeans.internal.StressSystem.Reply;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * A reply and a failure race for a call's {@link ReplySlot} (the actor replies while the
 * runtime fails the call, as when the actor stops): exactly one wins, the losing reply
 * becomes a late reply, and the caller gets the winner.
 * <p>
 * Forbidden: both or neither won; the caller gets the loser; a reply that won is also
 * reported late.
 * <p>
 * Result: the reply won (1) or was late (0), the failure won (1) or not (0), the caller
 * got the reply (1), the failure (2) or nothing in time (3).
 */
@JCStressTest
@Outcome(id = "1, 0, 1", expect = ACCEPTABLE, desc = "The reply won; the caller gets it.")
@Outcome(id = "0, 1, 2", expect = ACCEPTABLE, desc = "The failure won; the reply is late; the caller fails.")
@Outcome(id = "1, 1, .", expect = FORBIDDEN, desc = "Both the reply and the failure won.")
@Outcome(id = "0, 0, .", expect = FORBIDDEN, desc = "Neither won: the reply is late, yet the failure lost.")
@Outcome(expect = FORBIDDEN, desc = "The caller got the outcome that lost, or none.")
@State
public class ReplySlotReplyVsFailTest {

	private static final RuntimeException FAILURE = new IllegalStateException("The actor stopped");

	private final ReplySlot slot = ReplySlot.forCall(StressSystem.SYSTEM, StressSystem.TARGET);

	private final Reply reply = new Reply();

	@Actor
	public void replier(III_Result result) {
		this.slot.send(this.reply, null);
		result.r1 = this.reply.late ? 0 : 1;
	}

	@Actor
	public void failer(III_Result result) {
		result.r2 = this.slot.fail(FAILURE) ? 1 : 0;
	}

	@Arbiter
	public void caller(III_Result result) {
		try {
			result.r3 = (this.slot.await(0) == this.reply) ? 1 : 4;
		}
		catch (TimeoutException ex) {
			result.r3 = 3;
		}
		catch (IllegalStateException ex) {
			result.r3 = (ex.getCause() == FAILURE) ? 2 : 4;
		}
	}

}
