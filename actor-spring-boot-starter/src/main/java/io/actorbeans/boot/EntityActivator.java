package io.actorbeans.boot;

import io.actorbeans.ActorRef;

/**
 * Spawns the activations of entities in this JVM: for an entity, an actor named
 * {@code <type>:<id>} from a new instance of its type's prototype bean, with the spawn
 * options of its {@link EntityActor @EntityActor}, destroyed when the actor stops. The
 * {@link Entities} of a module that places entities (such as {@code actor-cluster}) host
 * their entities through it.
 * <p>
 * Thread-safe.
 *
 * @since 0.1.0
 */
public interface EntityActivator {

	/**
	 * Spawn the actor of one entity.
	 * @param type the entity's type
	 * @param id the entity's id
	 * @return the actor's ref
	 * @throws io.actorbeans.ActorNameInUseException if the entity already has a live
	 * actor in this JVM
	 */
	ActorRef activate(EntityType type, String id);

	/**
	 * The name of the actor of an entity: {@code <type>:<id>}.
	 * @param type the entity's type
	 * @param id the entity's id
	 * @return the actor's name
	 */
	static String actorName(String type, String id) {
		return type + ":" + id;
	}

}
