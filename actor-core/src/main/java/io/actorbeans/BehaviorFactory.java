package io.actorbeans;

/**
 * Makes the behaviour object of an actor: once at spawn, and again at each restart under
 * {@link FailurePolicy#RESTART}; and, if it owns resources, disposes of the behaviours
 * the actor no longer uses.
 * <p>
 * Called on the thread that spawns the actor, then on the threads that run it; never by
 * two threads at once for one actor.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface BehaviorFactory {

	/**
	 * Create a fresh behaviour.
	 * @return a new behaviour object, not {@code null}
	 */
	Object create();

	/**
	 * Dispose of a behaviour this factory made, once the actor no longer uses it: the old
	 * one after a restart, the last one when the actor ends. Does nothing by default. An
	 * exception it throws is logged.
	 * @param behavior a behaviour returned by {@link #create()}
	 */
	default void destroy(Object behavior) {
	}

}
