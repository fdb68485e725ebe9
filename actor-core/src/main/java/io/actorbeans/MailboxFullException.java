package io.actorbeans;

/**
 * Thrown when a message goes through the {@link Bridge} to an actor whose bounded mailbox
 * is full.
 *
 * @since 0.1.0
 */
public class MailboxFullException extends ActorException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the detail message
	 */
	public MailboxFullException(String message) {
		super(message, null);
	}

}
