package io.actorbeans;

import java.util.Locale;

/**
 * Which threads run an actor's handlers. At most one thread runs a given actor at a time,
 * whichever the dispatcher.
 *
 * @since 0.1.0
 */
public enum Dispatcher {

	/**
	 * A work-stealing pool shared by all such actors, one platform thread per core by
	 * default.
	 */
	SHARED,

	/**
	 * Each turn of the actor on a new virtual thread, for handlers that block on I/O.
	 * Java 21 or newer.
	 */
	VIRTUAL,

	/** A platform thread of the actor's own, for code that must own its thread. */
	THREAD;

	/**
	 * The dispatcher of a name, as written in configuration: {@code shared},
	 * {@code virtual} or {@code thread}, in any case.
	 * @param name the name
	 * @return the dispatcher
	 * @throws IllegalArgumentException for any other name, listing the accepted ones
	 */
	public static Dispatcher fromName(String name) {
		for (Dispatcher dispatcher : values()) {
			if (dispatcher.name().equalsIgnoreCase(name.trim())) {
				return dispatcher;
			}
		}
		throw new IllegalArgumentException(
				"Unknown dispatcher '" + name + "': expected one of shared, virtual, thread");
	}

	/**
	 * The name used in configuration and introspection.
	 * @return the lower-case name
	 */
	public String configName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
