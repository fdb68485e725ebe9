package io.actorbeans;

/**
 * Learns of every actor of a system that ends, with its final figures.
 * <p>
 * Called once per actor, on the thread that finishes it (a dispatcher thread, or a
 * sender's that found it terminated), possibly from many threads at once: implementations
 * must be thread-safe and quick. An exception it throws is logged and otherwise ignored.
 * A shutdown returns once the listeners of every actor it stopped have returned.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TerminationListener {

	/**
	 * Called once the actor has ended; its name is free for a new actor from now on.
	 * @param actor the actor's last snapshot, in state {@link ActorState#STOPPED} or
	 * {@link ActorState#FAILED}
	 */
	void onTerminated(ActorInfo actor);

}
