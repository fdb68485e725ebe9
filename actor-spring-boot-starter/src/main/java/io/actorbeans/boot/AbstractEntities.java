package io.actorbeans.boot;

import io.actorbeans.ActorContext;
import io.actorbeans.ActorRef;

/**
 * Base class of an {@link Entities} implementation: finds the entity type of a ref and
 * checks its id, and finds the entity of a handler that asks to be passivated. Subclasses
 * make the refs and passivate.
 * <p>
 * Thread-safe, as its subclasses must be.
 *
 * @since 0.1.0
 */
public abstract class AbstractEntities implements Entities {

	private final EntityTypes types;

	/**
	 * Create the entities of some types.
	 * @param types the entity types
	 */
	protected AbstractEntities(EntityTypes types) {
		this.types = types;
	}

	/**
	 * The entity types.
	 * @return the types
	 */
	protected final EntityTypes types() {
		return this.types;
	}

	@Override
	public final EntityRef ref(Class<?> type, String id) {
		EntityType entityType = this.types.get(type);
		return ref(entityType, EntityTypes.requireValidId(entityType.name(), id));
	}

	@Override
	public final EntityRef ref(String entityType, String id) {
		EntityType type = this.types.get(entityType);
		return ref(type, EntityTypes.requireValidId(type.name(), id));
	}

	@Override
	public final void passivate(ActorContext context) {
		ActorRef activation = context.self();
		String name = activation.name();
		String typeName = EntityActivator.typeOf(name);
		EntityType type = (typeName != null) ? this.types.find(typeName) : null;
		if (type == null) {
			throw new IllegalArgumentException("Actor '" + name + "' is not an entity: passivate(context) "
					+ "ends the activation of an @EntityActor bean from one of its handlers; the entity types are "
					+ this.types.names());
		}
		passivate(type, EntityActivator.idOf(name), activation);
	}

	/**
	 * The ref of an entity.
	 * @param type the entity's type
	 * @param id its id, already checked
	 * @return the ref
	 */
	protected abstract EntityRef ref(EntityType type, String id);

	/**
	 * End an entity's activation once it has handled the messages delivered to it so far;
	 * the messages delivered after reach the next activation. Nothing happens if the
	 * activation is no longer the entity's current one, or is already ending.
	 * @param type the entity's type
	 * @param id its id
	 * @param activation the actor of the activation that asks
	 */
	protected abstract void passivate(EntityType type, String id, ActorRef activation);

}
