package io.actorbeans.internal;

import java.util.concurrent.CompletableFuture;

import io.actorbeans.ActorRef;
import io.actorbeans.DeadLetter;
import org.jspecify.annotations.Nullable;

/**
 * The reply slot of one Bridge call: the sender the actor replies to, and the future the
 * caller waits on.
 */
final class ReplySlot extends CompletableFuture<Object> implements ActorRef {

	/*-
	 * Each call has its own slot, so replies of concurrent callers cannot mix. The first reply
	 * completes the future; any later one (a second reply, or one after the caller gave up and
	 * completed the slot with a timeout) becomes a LATE_REPLY dead letter. A failure the runtime
	 * learns of (the handler threw, the actor stopped before handling the request) completes the slot
	 * exceptionally, so the caller does not wait for its timeout.
	 */

	private final DefaultActorSystem system;

	private final ActorRef target;

	ReplySlot(DefaultActorSystem system, ActorRef target) {
		this.system = system;
		this.target = target;
	}

	/** The actor this call was sent to. */
	ActorRef target() {
		return this.target;
	}

	@Override
	public String name() {
		return "bridge-call-to-" + this.target.name();
	}

	/** Deliver a reply. Thread-safe. */
	@Override
	public void send(Object message, @Nullable ActorRef sender) {
		if (!complete(message)) {
			this.system.deadLetter(message, sender, this, DeadLetter.Reason.LATE_REPLY);
		}
	}

	/** Fail the call, unless it has completed. Thread-safe. */
	void fail(Throwable failure) {
		completeExceptionally(failure);
	}

	@Override
	public String toString() {
		return "BridgeCall[" + this.target.name() + "]";
	}

}
