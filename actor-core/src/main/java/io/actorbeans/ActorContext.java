package io.actorbeans;

import org.jspecify.annotations.Nullable;

/**
 * What a handler may know and do about its own actor. Take it as a handler parameter.
 * <p>
 * Only from a handler of this actor, on the thread that runs it: a context is not
 * thread-safe and must not escape the handler (keep {@link #self()} instead).
 *
 * @since 0.1.0
 */
public interface ActorContext {

	/**
	 * This actor's own ref, to give to others or to send to oneself.
	 * @return the ref of this actor
	 */
	ActorRef self();

	/**
	 * The sender of the message being handled.
	 * @return the sender, or {@code null} when the message has none
	 */
	@Nullable ActorRef sender();

	/**
	 * Send a message to the sender of the message being handled, with this actor as its
	 * sender. Without a sender the reply becomes a {@link DeadLetter}.
	 * @param message the reply
	 */
	void reply(Object message);

	/**
	 * The system this actor runs in.
	 * @return the actor system
	 */
	ActorSystem system();

	/**
	 * Stop this actor once the current message is handled. Messages still in its mailbox
	 * become dead letters.
	 */
	void stop();

}
