package io.actorbeans;

/**
 * Makes the behaviour object of an actor: once at spawn, and again at each restart under
 * {@link FailurePolicy#RESTART}.
 * <p>
 * Called on the thread that spawns the actor, then on the thread that runs the actor when
 * it restarts; never by two threads at once for one actor.
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

}
