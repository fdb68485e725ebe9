package io.actorbeans.internal;

import java.util.concurrent.CompletableFuture;

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
 * A reply races the caller cancelling the future of an ask ({@link ReplySlot#forAsk}):
 * either the future completes with the reply, or it is cancelled and the reply becomes a
 * late reply.
 * <p>
 * Forbidden: the reply is late although the future has it, or the future was cancelled
 * although the reply is not late (the reply went nowhere: neither to the caller nor to
 * the dead letters).
 * <p>
 * Result: the reply was taken (1) or late (0); the cancel succeeded (1) or not (0); the
 * future holds the reply (1), is cancelled (2) or anything else (3).
 */
@JCStressTest
@Outcome(id = "1, 0, 1", expect = ACCEPTABLE, desc = "The reply completed the future; the cancel came too late.")
@Outcome(id = "0, 1, 2", expect = ACCEPTABLE, desc = "The caller cancelled; the reply became a late reply.")
@Outcome(id = "1, 1, 2", expect = FORBIDDEN,
		desc = "The reply won the slot but the cancel won the future: the reply is neither delivered nor late.")
@Outcome(expect = FORBIDDEN, desc = "Not a possible outcome.")
@State
public class ReplySlotAskReplyVsCancelTest {

	private final ReplySlot slot = ReplySlot.forAsk(StressSystem.SYSTEM, StressSystem.TARGET);

	private final Reply reply = new Reply();

	@Actor
	public void replier(III_Result result) {
		this.slot.send(this.reply, null);
		result.r1 = this.reply.late ? 0 : 1;
	}

	@Actor
	public void canceller(III_Result result) {
		result.r2 = this.slot.future().cancel(false) ? 1 : 0;
	}

	@Arbiter
	public void arbiter(III_Result result) {
		CompletableFuture<Object> future = this.slot.future();
		if (future.isCancelled()) {
			result.r3 = 2;
		}
		else {
			result.r3 = (future.getNow(null) == this.reply) ? 1 : 3;
		}
	}

}
