package io.actorbeans;

/**
 * Thrown when an actor did not reply to a {@link Bridge} call within its timeout.
 *
 * @since 0.1.0
 */
public class CallTimeoutException extends ActorException {

	private static final long serialVersionUID = 1L;

	private final String actor;

	/**
	 * Create an exception.
	 * @param actor the name of the actor that did not reply
	 * @param message the detail message
	 */
	public CallTimeoutException(String actor, String message) {
		super(message, null);
		this.actor = actor;
	}

	/**
	 * The actor that did not reply.
	 * @return its name
	 */
	public String actor() {
		return this.actor;
	}

}
