package io.actorbeans.boot;

import io.actorbeans.ActorRef;

/**
 * Spawns actors from prototype-scoped {@link Actor @Actor} beans: each actor gets a bean
 * instance of its own, with its dependencies injected, which is destroyed (its
 * {@code @PreDestroy} methods run) when the actor stops.
 * <p>
 * Thread-safe: inject it anywhere, handlers included.
 *
 * <pre class="code">
 * ActorRef counter = actorFactory.spawn(Counter.class, "counter-" + id);
 * </pre>
 *
 * @since 0.1.0
 */
public interface ActorFactory {

	/**
	 * Spawn an actor from a new instance of the prototype actor bean of a type.
	 * @param type the type of a prototype-scoped {@code @Actor} bean
	 * @param name a name no live actor has
	 * @return the actor's ref
	 * @throws IllegalArgumentException if no single prototype {@code @Actor} bean has
	 * that type
	 * @throws io.actorbeans.ActorNameInUseException if a live actor has the name
	 */
	ActorRef spawn(Class<?> type, String name);

}
