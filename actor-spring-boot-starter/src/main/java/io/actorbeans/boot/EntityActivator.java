package io.actorbeans.boot;

import io.actorbeans.ActorRef;
import org.jspecify.annotations.Nullable;

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

	/**
	 * The type of the entity whose actor has a name, the reverse of
	 * {@link #actorName(String, String)}.
	 * @param actorName an actor's name
	 * @return the type, or {@code null} if the name is no entity's (a child of an
	 * entity's actor included)
	 */
	static @Nullable String typeOf(String actorName) {
		int colon = actorName.indexOf(':');
		return (colon > 0 && actorName.indexOf('/') < 0) ? actorName.substring(0, colon) : null;
	}

	/**
	 * The id of the entity whose actor has a name, the reverse of
	 * {@link #actorName(String, String)}.
	 * @param actorName the name of an entity's actor, one that {@link #typeOf} knows
	 * @return the id
	 */
	static String idOf(String actorName) {
		return actorName.substring(actorName.indexOf(':') + 1);
	}

}
