package io.actorbeans.boot;

import org.jspecify.annotations.Nullable;

/**
 * Base class of the {@link EntityRef}s of an {@link Entities} implementation: the
 * entity's type, id and name, and equality (two refs of one {@code Entities} to one
 * entity are equal). Subclasses deliver the messages.
 * <p>
 * Thread-safe.
 *
 * @since 0.1.0
 */
public abstract class AbstractEntityRef implements EntityRef {

	private final Entities entities;

	private final String type;

	private final String id;

	/**
	 * Create the ref of an entity.
	 * @param entities the entities it belongs to
	 * @param type the entity's type
	 * @param id the entity's id, already checked
	 */
	protected AbstractEntityRef(Entities entities, String type, String id) {
		this.entities = entities;
		this.type = type;
		this.id = id;
	}

	@Override
	public final String entityType() {
		return this.type;
	}

	@Override
	public final String entityId() {
		return this.id;
	}

	@Override
	public final String name() {
		return this.type + "/" + this.id;
	}

	@Override
	public final boolean equals(@Nullable Object other) {
		return (other instanceof AbstractEntityRef that) && getClass() == that.getClass()
				&& this.entities == that.entities && this.type.equals(that.type) && this.id.equals(that.id);
	}

	@Override
	public final int hashCode() {
		return 31 * this.type.hashCode() + this.id.hashCode();
	}

	@Override
	public String toString() {
		return "EntityRef[" + name() + "]";
	}

}
