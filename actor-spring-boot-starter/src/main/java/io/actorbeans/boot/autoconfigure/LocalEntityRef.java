package io.actorbeans.boot.autoconfigure;

import io.actorbeans.ActorRef;
import io.actorbeans.boot.EntityRef;
import org.jspecify.annotations.Nullable;

/**
 * The ref of an entity of {@link LocalEntities}. Thread-safe.
 */
final class LocalEntityRef implements EntityRef {

	private final LocalEntities entities;

	private final String type;

	private final String id;

	LocalEntityRef(LocalEntities entities, String type, String id) {
		this.entities = entities;
		this.type = type;
		this.id = id;
	}

	@Override
	public String entityType() {
		return this.type;
	}

	@Override
	public String entityId() {
		return this.id;
	}

	@Override
	public String name() {
		return this.type + "/" + this.id;
	}

	@Override
	public void send(Object message, @Nullable ActorRef sender) {
		this.entities.deliver(this.type, this.id, message, sender);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof LocalEntityRef that) && this.entities == that.entities && this.type.equals(that.type)
				&& this.id.equals(that.id);
	}

	@Override
	public int hashCode() {
		return 31 * this.type.hashCode() + this.id.hashCode();
	}

	@Override
	public String toString() {
		return "EntityRef[" + name() + "]";
	}

}
