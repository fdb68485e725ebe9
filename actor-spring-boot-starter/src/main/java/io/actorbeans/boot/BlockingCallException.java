package io.actorbeans.boot;

import io.actorbeans.ActorException;

/**
 * Thrown by a {@link io.actorbeans.Bridge} verb that waits ({@code call},
 * {@code multiCall}, {@code stop}) when it is called on a thread that must never wait: an
 * event loop or a thread of Reactor's non-blocking schedulers. Such a caller uses
 * {@link ReactiveBridge} instead.
 *
 * @since 0.1.0
 */
public class BlockingCallException extends ActorException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the detail message, naming the actor and the thread
	 */
	public BlockingCallException(String message) {
		super(message, null);
	}

}
