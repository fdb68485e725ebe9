package io.actorbeans;

/**
 * Thrown to a {@link Bridge} caller when the actor has no handler for the class of its
 * request.
 *
 * @since 0.1.0
 */
public class UnhandledMessageException extends ActorException {

	private static final long serialVersionUID = 1L;

	private final String actor;

	/**
	 * Create an exception.
	 * @param actor the name of the actor concerned
	 * @param message the detail message
	 */
	public UnhandledMessageException(String actor, String message) {
		super(message, null);
		this.actor = actor;
	}

	/**
	 * The actor that has no handler for the message.
	 * @return its name
	 */
	public String actor() {
		return this.actor;
	}

}
