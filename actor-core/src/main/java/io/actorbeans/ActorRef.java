package io.actorbeans;

import org.jspecify.annotations.Nullable;

/**
 * The address of an actor: the only way to reach it. A ref exists only once its actor has
 * been spawned, so there is no "not started" state; a message sent to an actor that has
 * stopped becomes a {@link DeadLetter}.
 * <p>
 * Thread-safe: any thread may send to any ref at any time.
 * <p>
 * Memory consistency effects: actions in a thread prior to {@code send} happen-before the
 * handler that processes that message starts. Messages from one sender to one receiver
 * are handled in the order they were sent.
 *
 * @since 0.1.0
 */
public interface ActorRef {

	/**
	 * The actor's name, unique among the live actors of its system. Thread-safe.
	 * @return the name
	 */
	String name();

	/**
	 * Enqueue a message for this actor, naming who sent it; returns at once. A message
	 * the actor cannot accept (it has stopped, or its bounded mailbox is full) becomes a
	 * {@link DeadLetter}. Thread-safe.
	 * @param message the message
	 * @param sender the actor to reply to, or {@code null} for none
	 */
	void send(Object message, @Nullable ActorRef sender);

	/**
	 * Enqueue a message with no sender: {@code send(message, null)}. Thread-safe.
	 * @param message the message
	 */
	default void send(Object message) {
		send(message, null);
	}

}
