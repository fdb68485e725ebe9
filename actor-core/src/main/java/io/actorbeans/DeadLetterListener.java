package io.actorbeans;

/**
 * Receives every {@link DeadLetter} of an actor system.
 * <p>
 * Called on the thread that found the dead letter (a sender, a dispatcher thread, a
 * Bridge caller), possibly from many threads at once: implementations must be thread-safe
 * and quick. An exception it throws is logged and otherwise ignored.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface DeadLetterListener {

	/**
	 * Called once per dead letter.
	 * @param deadLetter the dead letter
	 */
	void onDeadLetter(DeadLetter deadLetter);

}
