package io.actorbeans.internal;

import org.jspecify.annotations.Nullable;

/**
 * A message the runtime sends an actor on its own behalf (a timer's tick, a watched
 * actor's end, a Stop, a Stopped reply, a piped outcome), opened by the actor's cell
 * before any handler sees it.
 */
abstract class Signal {

	/*-
	 * Signals travel through the mailbox like any message, so they keep its order and its one-thread
	 * rule: what a signal changes in the actor (its timers, its watch set) is changed on the actor's
	 * own thread. The cell opens a signal into the message its handlers see, or into nothing when the
	 * signal is stale (a cancelled timer, an unwatched actor).
	 *
	 * Most signals are runtime signals: they bypass a bounded mailbox's count and are not user
	 * messages (see ActorCell). A piped outcome is the exception: it is a user message like any other.
	 */

	/**
	 * The message to hand to the actor's handlers, or {@code null} to drop the signal.
	 * Called on the actor's thread.
	 * @param context the actor's context
	 * @return the message, or {@code null}
	 */
	abstract @Nullable Object open(CellContext context);

	/**
	 * The message the signal carries, which dead letters and failure reports show instead
	 * of the signal. Thread-safe.
	 * @return the message
	 */
	abstract Object payload();

	/**
	 * The actor ended before it opened this runtime signal, which is dropped. Called on
	 * the thread that drains the ended actor's mailbox.
	 */
	void dropped() {
	}

	/**
	 * Whether this is a runtime signal rather than a user message. Thread-safe.
	 * @return {@code true} unless overridden
	 */
	boolean isRuntime() {
		return true;
	}

	/**
	 * Describes where a failure of {@link #open} happened, for the actor's failure log.
	 * @return a description, such as "in the pipeToSelf mapper"
	 */
	String failureSite() {
		return "while opening " + getClass().getSimpleName();
	}

}
