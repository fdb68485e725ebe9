package io.actorbeans;

/**
 * Thrown to a {@link Bridge} caller when the actor has no handler for the class of its
 * request.
 *
 * @since 0.1.0
 */
public class UnhandledMessageException extends ActorException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the detail message
	 */
	public UnhandledMessageException(String message) {
		super(message, null);
	}

}
