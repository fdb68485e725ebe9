package io.actorbeans;

/**
 * What an actor does when one of its handlers throws. In every case the failure is logged
 * (actor, message class, handler, exception) and counted, and a {@link Bridge} call
 * waiting for that message fails with a {@link HandlerFailedException}.
 *
 * @since 0.1.0
 */
public enum FailurePolicy {

	/** Keep the behaviour and its state, and go on with the next message. */
	RESUME,

	/**
	 * Stop the actor; it counts as failed, and the messages left in its mailbox become
	 * dead letters.
	 */
	STOP,

	/**
	 * Replace the behaviour with a fresh one from the actor's factory and go on with the
	 * next message. Needs an actor spawned with a factory
	 * ({@link ActorSystem#spawn(String, BehaviorFactory, SpawnOptions)}).
	 */
	RESTART

}
