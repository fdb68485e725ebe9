package io.actorbeans;

/**
 * Thrown when a spawn or a {@link Bridge} call reaches an actor system that is shutting
 * down or has shut down.
 *
 * @since 0.1.0
 */
public class ActorSystemShutdownException extends ActorException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the detail message
	 */
	public ActorSystemShutdownException(String message) {
		super(message, null);
	}

}
