package io.actorbeans;

/**
 * Where an actor is in its life.
 *
 * @since 0.1.0
 */
public enum ActorState {

	/** Spawned and handling messages, or idle waiting for them. */
	RUNNING,

	/**
	 * Ended normally: by {@link Stop}, {@link ActorContext#stop()} or a system shutdown.
	 */
	STOPPED,

	/**
	 * Ended by a handler failure under {@link FailurePolicy#STOP}, or a restart that
	 * failed.
	 */
	FAILED

}
