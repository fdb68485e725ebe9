package io.actorbeans;

/**
 * Thrown when a thread waiting in a {@link Bridge} call is interrupted. The thread's
 * interrupt status is set again, and a reply that comes later becomes a dead letter.
 *
 * @since 0.1.0
 */
public class CallInterruptedException extends ActorException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the detail message
	 * @param cause the interruption
	 */
	public CallInterruptedException(String message, InterruptedException cause) {
		super(message, cause);
	}

}
