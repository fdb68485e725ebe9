package io.actorbeans.boot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The entity types of the application, by name and by bean class; the rules for entity
 * ids. Immutable; thread-safe.
 *
 * @since 0.1.0
 */
public final class EntityTypes {

	private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

	private final Map<String, EntityType> byName = new LinkedHashMap<>();

	/**
	 * Create the registry of some entity types.
	 * @param types the types
	 * @throws IllegalArgumentException if a name is invalid, or two types share one
	 */
	public EntityTypes(Collection<EntityType> types) {
		for (EntityType type : types) {
			if (!TYPE_NAME.matcher(type.name()).matches()) {
				throw new IllegalArgumentException(
						"Invalid @EntityActor(\"" + type.name() + "\") on " + type.beanType().getName()
								+ ": an entity type's name is made of letters, digits, '-', '_' " + "and '.'");
			}
			EntityType other = this.byName.putIfAbsent(type.name(), type);
			if (other != null) {
				throw new IllegalArgumentException("Entity type '" + type.name() + "' is declared twice, by "
						+ other.beanType().getName() + " (bean '" + other.beanName() + "') and by "
						+ type.beanType().getName() + " (bean '" + type.beanName() + "'): give each its own name");
			}
		}
	}

	/**
	 * Every entity type, in the order they were declared.
	 * @return the types
	 */
	public List<EntityType> all() {
		return List.copyOf(this.byName.values());
	}

	/**
	 * The entity type of a name.
	 * @param name the type's name
	 * @return the type
	 * @throws IllegalArgumentException if no entity type has that name
	 */
	public EntityType get(String name) {
		EntityType type = this.byName.get(name);
		if (type == null) {
			throw new IllegalArgumentException(
					"No entity type '" + name + "': the entity types are " + this.byName.keySet());
		}
		return type;
	}

	/** The entity type of a name, or {@code null}. */
	@Nullable EntityType find(String name) {
		return this.byName.get(name);
	}

	/** The names of the entity types, in the order they were declared. */
	Set<String> names() {
		return Collections.unmodifiableSet(this.byName.keySet());
	}

	/**
	 * The entity type whose bean has a class: that class, or its only subclass among the
	 * entity types.
	 * @param beanType the class
	 * @return the type
	 * @throws IllegalArgumentException if no single entity type has that class
	 */
	public EntityType get(Class<?> beanType) {
		List<EntityType> matching = new ArrayList<>();
		for (EntityType type : this.byName.values()) {
			if (type.beanType() == beanType) {
				return type;
			}
			if (beanType.isAssignableFrom(type.beanType())) {
				matching.add(type);
			}
		}
		if (matching.size() != 1) {
			throw new IllegalArgumentException("No single entity type has class " + beanType.getName() + ": "
					+ (matching.isEmpty()
							? "no @EntityActor bean has that type; the entity types are " + this.byName.keySet()
							: "it matches " + matching.stream().map(EntityType::name).toList()));
		}
		return matching.get(0);
	}

	/**
	 * Check an entity id: not empty, and without {@code '/'}.
	 * @param type the entity's type, for the message
	 * @param id the id
	 * @return the id
	 * @throws IllegalArgumentException if it is invalid
	 */
	public static String requireValidId(String type, String id) {
		if (id == null || id.isEmpty() || id.indexOf('/') >= 0) {
			throw new IllegalArgumentException("Invalid id " + ((id != null) ? "'" + id + "'" : "null")
					+ " for an entity of type '" + type + "': an entity id is not empty and has no '/'");
		}
		return id;
	}

}
