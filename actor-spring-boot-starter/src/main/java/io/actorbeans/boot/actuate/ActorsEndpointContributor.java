package io.actorbeans.boot.actuate;

/**
 * Contributes a section to the overview of the {@link ActorsEndpoint}
 * ({@code GET /actuator/actors}), under {@code details} and its {@link #name()}, as an
 * {@link org.springframework.boot.actuate.info.InfoContributor InfoContributor} does to
 * the {@code info} endpoint. Every bean of this type is asked, in their order
 * ({@link org.springframework.core.Ordered Ordered},
 * {@link org.springframework.core.annotation.Order @Order}), once per read of the
 * overview; a module such as {@code actor-cluster} tells of its members through one.
 * <p>
 * Called on the thread that reads the endpoint (an HTTP request's, a JMX call's), by
 * several at once: implementations are thread-safe, and answer quickly, without blocking.
 * The section, like the rest of the overview, stays small however many actors there are.
 * For a native image, the types of the section are registered for binding
 * ({@link org.springframework.aot.hint.annotation.RegisterReflectionForBinding
 * RegisterReflectionForBinding} on the contributor's class).
 *
 * @since 0.1.0
 */
public interface ActorsEndpointContributor {

	/**
	 * The key of the section under {@code details}, unique among the contributors.
	 * Thread-safe.
	 * @return the name, such as {@code cluster}
	 */
	String name();

	/**
	 * Describe what this contributor knows, now. Thread-safe.
	 * @return an object that Jackson serializes: a record, a map, a list, a value
	 */
	Object describe();

}
