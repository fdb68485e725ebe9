package io.actorbeans;

import org.jspecify.annotations.Nullable;

/**
 * A message that was not delivered to a handler, and why. Dead letters are counted,
 * logged at debug level and passed to every {@link DeadLetterListener}: no message
 * disappears silently.
 *
 * @param message the message
 * @param sender its sender, or {@code null}
 * @param recipient the actor it was sent to
 * @param reason why it was not handled
 * @since 0.1.0
 */
public record DeadLetter(Object message, @Nullable ActorRef sender, ActorRef recipient, Reason reason) {

	/**
	 * Why a message became a dead letter.
	 */
	public enum Reason {

		/** The recipient had stopped, or stopped before it reached the message. */
		STOPPED,

		/** The recipient's bounded mailbox was full. */
		MAILBOX_FULL,

		/** No handler of the recipient takes the message's class. */
		UNHANDLED,

		/** A reply came after its Bridge call had completed or timed out. */
		LATE_REPLY,

		/** A reply was sent with no one to receive it. */
		NO_SENDER,

		/** The recipient tried to stash it while its stash was full. */
		STASH_FULL

	}

}
