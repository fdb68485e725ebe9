package io.actorbeans.internal;

import io.actorbeans.ActorRef;
import org.jspecify.annotations.Nullable;

/**
 * A message on its way to an actor: the message, its sender and the link to the next
 * envelope; a {@link ContextEnvelope} also carries a context.
 */
sealed class Envelope permits ContextEnvelope {

	/*-
	 * An envelope is the node of its mailbox's intrusive queue (see ActorCell), so a send allocates
	 * this one object and nothing else. Once taken, an envelope stays in the queue as its stub until
	 * the next one is taken; its message and sender are cleared then, so that the queue does not keep
	 * them alive.
	 */

	@Nullable Object message;

	@Nullable ActorRef sender;

	/** The link to the next envelope, written through Mailbox's VarHandle. */
	@Nullable Envelope next;

	Envelope(Object message, @Nullable ActorRef sender) {
		this.message = message;
		this.sender = sender;
	}

	/**
	 * An envelope for a message, carrying a context if there is one.
	 * @param context what the system's propagator captured, {@code null} for nothing
	 */
	static Envelope of(Object message, @Nullable ActorRef sender, @Nullable Object context) {
		return (context != null) ? new ContextEnvelope(message, sender, context) : new Envelope(message, sender);
	}

}
