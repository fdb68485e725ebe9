package io.actorbeans;

/**
 * A sender that waits for a reply and is told instead when its request fails: its handler
 * threw, or it became a {@link DeadLetter} (the actor had stopped or stopped first, had
 * no handler for it, or a full mailbox or stash). The reply slots of {@link Bridge} calls
 * and asks are caller refs; a transport that carries requests to actors elsewhere
 * implements it to carry such a failure back to its caller, and passes it on to a caller
 * ref of its own system.
 * <p>
 * Thread-safe: the runtime calls {@link #requestFailed} from the thread that found the
 * failure (a dispatcher thread, or a sender's), at most once per request, and never for a
 * request that was answered by a reply.
 *
 * @since 0.1.0
 */
public interface CallerRef extends ActorRef {

	/**
	 * Called instead of a reply when a request this ref sent has failed. Thread-safe;
	 * must be quick, as it runs on the thread that found the failure.
	 * @param failure why: a {@link HandlerFailedException},
	 * {@link ActorStoppedException}, {@link UnhandledMessageException},
	 * {@link MailboxFullException} or {@link StashOverflowException}, naming the actor
	 */
	void requestFailed(ActorException failure);

}
