package io.actorbeans;

/**
 * Thrown when a message goes through the {@link Bridge} to an actor that has stopped, or
 * that stopped before handling it. A call fails at once: it does not wait for its
 * timeout.
 *
 * @since 0.1.0
 */
public class ActorStoppedException extends ActorException {

	private static final long serialVersionUID = 1L;

	private final String actor;

	/**
	 * Create an exception.
	 * @param actor the name of the stopped actor
	 * @param message the detail message
	 */
	public ActorStoppedException(String actor, String message) {
		super(message, null);
		this.actor = actor;
	}

	/**
	 * The actor that has stopped.
	 * @return its name
	 */
	public String actor() {
		return this.actor;
	}

}
