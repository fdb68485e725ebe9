package io.actorbeans;

/**
 * Thrown at spawn when a behaviour cannot be an actor: it is null, or its
 * {@link Handles @Handles} methods are invalid or ambiguous. The message names the class,
 * the method and the rule it breaks.
 *
 * @since 0.1.0
 */
public class InvalidBehaviorException extends ActorException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the detail message
	 */
	public InvalidBehaviorException(String message) {
		super(message, null);
	}

}
