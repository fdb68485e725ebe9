package io.actorbeans.boot.autoconfigure;

import io.actorbeans.ActorRef;
import io.actorbeans.boot.AbstractEntityRef;
import org.jspecify.annotations.Nullable;

/**
 * The ref of an entity of {@link LocalEntities}. Thread-safe.
 */
final class LocalEntityRef extends AbstractEntityRef {

	private final LocalEntities entities;

	LocalEntityRef(LocalEntities entities, String type, String id) {
		super(entities, type, id);
		this.entities = entities;
	}

	@Override
	public void send(Object message, @Nullable ActorRef sender) {
		this.entities.deliver(entityType(), entityId(), message, sender);
	}

}
