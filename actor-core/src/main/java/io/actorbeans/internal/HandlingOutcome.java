package io.actorbeans.internal;

import io.actorbeans.MessageObserver;
import io.actorbeans.MessageObserver.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * Ends a {@link MessageObserver}'s handling of a message with the outcome the cell's
 * handler invocation returned.
 */
final class HandlingOutcome {

	/*-
	 * The cell's invoke() tells how a message ended with one reference and no allocation: null for a
	 * handler that returned, the Throwable of one that threw, or UNHANDLED. Only a system with an
	 * observer reads it, here.
	 */

	/** What the cell's invocation returns when no handler takes the message. */
	static final Object UNHANDLED = new Object();

	private HandlingOutcome() {
	}

	/**
	 * End a handling. Called by the actor's thread, after the handler.
	 * @param outcome {@code null}, a {@link Throwable} or {@link #UNHANDLED}
	 */
	static void end(MessageObserver.Handling handling, @Nullable Object outcome) {
		if (outcome == null) {
			handling.end(Outcome.SUCCESS, null);
		}
		else if (outcome instanceof Throwable failure) {
			handling.end(Outcome.FAILURE, failure);
		}
		else {
			handling.end(Outcome.UNHANDLED, null);
		}
	}

}
