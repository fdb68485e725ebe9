package io.actorbeans;

/**
 * Thrown by {@link ActorContext#stash()} when the actor's stash is full. The message that
 * did not fit becomes a {@link DeadLetter} with reason
 * {@link DeadLetter.Reason#STASH_FULL}; the exception, unless the handler catches it, is
 * a failure of that handler like any other.
 *
 * @since 0.1.0
 */
public class StashOverflowException extends ActorException {

	private static final long serialVersionUID = 1L;

	private final String actor;

	/**
	 * Create an exception.
	 * @param actor the name of the actor concerned
	 * @param message the detail message
	 */
	public StashOverflowException(String actor, String message) {
		super(message, null);
		this.actor = actor;
	}

	/**
	 * The actor whose stash is full.
	 * @return its name
	 */
	public String actor() {
		return this.actor;
	}

}
