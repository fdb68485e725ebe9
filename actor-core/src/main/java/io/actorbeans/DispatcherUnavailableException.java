package io.actorbeans;

/**
 * Thrown at spawn when the dispatcher an actor asks for cannot run on this JVM, such as
 * {@link Dispatcher#VIRTUAL} before Java 21.
 *
 * @since 0.1.0
 */
public class DispatcherUnavailableException extends ActorException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the detail message
	 */
	public DispatcherUnavailableException(String message) {
		super(message, null);
	}

}
