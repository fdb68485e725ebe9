package io.actorbeans;

/**
 * Thrown at spawn when a live actor of the same system already has the name.
 *
 * @since 0.1.0
 */
public class ActorNameInUseException extends ActorException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the detail message
	 */
	public ActorNameInUseException(String message) {
		super(message, null);
	}

}
