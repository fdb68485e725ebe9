package io.actorbeans;

/**
 * Thrown when a message goes through the {@link Bridge} to an actor whose bounded mailbox
 * is full.
 *
 * @since 0.1.0
 */
public class MailboxFullException extends ActorException {

	private static final long serialVersionUID = 1L;

	private final String actor;

	/**
	 * Create an exception.
	 * @param actor the name of the actor concerned
	 * @param message the detail message
	 */
	public MailboxFullException(String actor, String message) {
		super(message, null);
		this.actor = actor;
	}

	/**
	 * The actor whose mailbox is full.
	 * @return its name
	 */
	public String actor() {
		return this.actor;
	}

}
