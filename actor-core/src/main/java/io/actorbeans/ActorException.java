package io.actorbeans;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception the actor runtime throws. Each subclass names one
 * situation, and each message names the actor concerned.
 *
 * @since 0.1.0
 */
public abstract class ActorException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the detail message
	 * @param cause the cause, or {@code null}
	 */
	protected ActorException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
