package io.actorbeans.boot;

import io.actorbeans.ActorRef;

/**
 * The address of one entity of an {@link EntityActor @EntityActor} type: an
 * {@link ActorRef} whose actor is activated by its first message, wherever it lives, so
 * the {@link io.actorbeans.Bridge Bridge} calls, asks and stops it as any actor.
 * {@link #name()} is {@code <type>/<id>}, such as {@code counter/apples}. Two refs to the
 * same entity are equal.
 * <p>
 * Thread-safe: any thread may send to any entity ref at any time; a send never blocks.
 * Messages from one sender to one entity are handled in the order they were sent. A
 * {@link io.actorbeans.Stop Stop} ends the current activation: the messages sent after it
 * reach a fresh one.
 *
 * @since 0.1.0
 */
public interface EntityRef extends ActorRef {

	/**
	 * The entity's type, {@link EntityActor#value()}. Thread-safe.
	 * @return the type's name
	 */
	String entityType();

	/**
	 * The entity's id within its type. Thread-safe.
	 * @return the id
	 */
	String entityId();

}
