package io.actorbeans.boot;

import io.actorbeans.ActorContext;

/**
 * Gives the {@link EntityRef} of an entity of an {@link EntityActor @EntityActor} type: a
 * local actor in one JVM, or, with {@code actor-cluster} enabled, an entity placed once
 * across the replicas.
 * <p>
 * Thread-safe: inject it anywhere, handlers included; {@link #passivate} is for an
 * entity's own handlers. Getting a ref is cheap and never blocks; the entity is activated
 * by the first message sent to it.
 *
 * <pre class="code">
 * long value = bridge.call(entities.ref(Counter.class, "apples"), new Increment());
 * </pre>
 *
 * @since 0.1.0
 */
public interface Entities {

	/**
	 * The ref of an entity, by the class of its {@code @EntityActor} bean.
	 * @param type the class of an {@code @EntityActor} bean, or a supertype of exactly
	 * one
	 * @param id the entity's id: not empty, and without {@code '/'}
	 * @return the entity's ref
	 * @throws IllegalArgumentException if no single entity type has that class, or if the
	 * id is invalid
	 */
	EntityRef ref(Class<?> type, String id);

	/**
	 * The ref of an entity, by the name of its type.
	 * @param entityType the name of an entity type, {@link EntityActor#value()}
	 * @param id the entity's id: not empty, and without {@code '/'}
	 * @return the entity's ref
	 * @throws IllegalArgumentException if no entity type has that name, or if the id is
	 * invalid
	 */
	EntityRef ref(String entityType, String id);

	/**
	 * End the activation of the entity whose handler calls this, once it has handled the
	 * messages sent to it so far; the messages sent after reach a fresh activation. This
	 * is how an entity stops itself: {@link ActorContext#stop()} would end it at once,
	 * and the messages already on their way to it would fail.
	 * <p>
	 * Called from a handler of the entity, with its context. <pre class="code">
	 * &#64;Handles
	 * void on(Checkout checkout, ActorContext context) {
	 *     ...
	 *     entities.passivate(context);
	 * }
	 * </pre>
	 * @param context the context of the running handler of an entity
	 * @throws IllegalArgumentException if the context is not an entity's
	 */
	void passivate(ActorContext context);

}
