package io.actorbeans.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.actorbeans.ActorInfo;
import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.SpawnOptions;
import io.actorbeans.TerminationListener;
import io.actorbeans.boot.AbstractEntities;
import io.actorbeans.boot.EntityActivator;
import io.actorbeans.boot.EntityRef;
import io.actorbeans.boot.EntityType;
import io.actorbeans.boot.EntityTypes;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Entities} of one JVM: each entity a prototype actor named
 * {@code <type>:<id>}, activated by its first message and, for a type that opts in,
 * passivated when idle. Thread-safe.
 */
final class LocalEntities extends AbstractEntities implements TerminationListener {

	/*-
	 * Each type has a map from id to LocalEntity, the entity's state, which guards itself (see
	 * there). A sender takes the entity from the map (computeIfAbsent), locks it, and retries if it
	 * was removed meanwhile. The lock is held for one enqueue, or for one spawn on activation.
	 *
	 * Passivation uses the actor system's timers: the "entity-passivation" actor gets a periodic
	 * Sweep per passivating type, every half of its idle time, and stops the entities that have had
	 * no message for that long. Its timers, like every actor's, start once the context has been
	 * refreshed.
	 */

	/** The name of the actor that passivates idle entities. */
	static final String PASSIVATION_ACTOR = "entity-passivation";

	private final EntityActivator activator;

	private final Map<String, Map<String, LocalEntity>> entities = new LinkedHashMap<>();

	LocalEntities(EntityTypes types, ActorSystem actorSystem, EntityActivator activator) {
		super(types);
		this.activator = activator;
		SpawnOptions options = SpawnOptions.defaults();
		for (EntityType type : types.all()) {
			this.entities.put(type.name(), new ConcurrentHashMap<>());
			if (type.passivates()) {
				options = options.withPeriodicTimer(type.name(), new EntityPassivation.Sweep(type.name()),
						type.passivateAfter().dividedBy(2));
			}
		}
		actorSystem.addTerminationListener(this);
		if (!options.periodicTimers().isEmpty()) {
			actorSystem.spawn(PASSIVATION_ACTOR, new EntityPassivation(this), options);
		}
	}

	@Override
	protected EntityRef ref(EntityType type, String id) {
		return new LocalEntityRef(this, type.name(), id);
	}

	@Override
	protected void passivate(EntityType type, String id, ActorRef activation) {
		LocalEntity entity = this.entities.get(type.name()).get(id);
		if (entity != null) {
			synchronized (entity) {
				entity.passivate(activation);
			}
		}
	}

	/**
	 * Deliver a message to an entity. Thread-safe: the send of a {@link LocalEntityRef}.
	 */
	void deliver(String type, String id, Object message, @Nullable ActorRef sender) {
		Map<String, LocalEntity> ofType = this.entities.get(type);
		EntityType entityType = types().get(type);
		for (;;) {
			LocalEntity entity = ofType.computeIfAbsent(id, (key) -> new LocalEntity(key));
			synchronized (entity) {
				if (entity.isRemoved()) {
					continue;
				}
				try {
					entity.deliver(message, sender, (key) -> this.activator.activate(entityType, key));
				}
				finally {
					if (entity.isRemoved()) {
						ofType.remove(id, entity);
					}
				}
				return;
			}
		}
	}

	/** Stop the idle entities of a type. From the passivation actor's handler. */
	void passivateIdle(String type) {
		long idleNanos = types().get(type).passivateAfter().toNanos();
		long now = System.nanoTime();
		for (LocalEntity entity : this.entities.get(type).values()) {
			synchronized (entity) {
				entity.passivateIfIdle(now, idleNanos);
			}
		}
	}

	/** An entity's actor has ended: start the next activation, or forget the entity. */
	@Override
	public void onTerminated(ActorInfo actor) {
		String type = EntityActivator.typeOf(actor.name());
		Map<String, LocalEntity> ofType = (type != null) ? this.entities.get(type) : null;
		if (ofType == null) {
			return;
		}
		String id = EntityActivator.idOf(actor.name());
		LocalEntity entity = ofType.get(id);
		if (entity == null) {
			return;
		}
		EntityType entityType = types().get(type);
		synchronized (entity) {
			if (entity.ended((key) -> this.activator.activate(entityType, key))) {
				ofType.remove(id, entity);
			}
		}
	}

	/**
	 * How many entities of a type are active or waiting for an activation. Thread-safe.
	 */
	int count(String type) {
		return this.entities.get(type).size();
	}

}
