package io.actorbeans;

/**
 * Thrown to a {@link Bridge} caller when the handler of its request threw; what the
 * handler threw is the cause.
 *
 * @since 0.1.0
 */
public class HandlerFailedException extends ActorException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the detail message
	 * @param cause what the handler threw
	 */
	public HandlerFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
