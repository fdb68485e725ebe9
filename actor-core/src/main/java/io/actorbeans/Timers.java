package io.actorbeans;

import java.time.Duration;

/**
 * The timers of one actor: messages it sends itself after a delay, once or periodically.
 * Get them from {@link ActorContext#timers()}.
 * <p>
 * Each timer has a key. Starting a timer with a key that is in use replaces the old
 * timer, and from then on the old timer's message is never handled, even if it was
 * already in the mailbox; {@link #cancel(Object)} gives the same guarantee. A periodic
 * timer never has more than one message waiting: a tick that comes while the previous one
 * is still in the mailbox is skipped, so a slow actor is not flooded. Timers belong to
 * the actor, not to its behaviour: a {@link FailurePolicy#RESTART restart} keeps them.
 * Every timer ends when the actor stops. The timers of all actors of a system share its
 * {@link ActorScheduler}, one scheduler thread unless the system was given another (a
 * test's virtual time); an actor with timers holds no thread of its own.
 * <p>
 * Only from a handler of this actor, on the thread that runs it.
 *
 * @since 0.1.0
 */
public interface Timers {

	/**
	 * Send the message to this actor once, after the delay.
	 * @param key the timer's key, compared with {@code equals}
	 * @param message the message
	 * @param delay the delay, zero or positive
	 */
	void startSingle(Object key, Object message, Duration delay);

	/**
	 * Send the message to this actor at a fixed rate, the first time after one interval.
	 * @param key the timer's key, compared with {@code equals}
	 * @param message the message, sent each time
	 * @param interval the interval, positive
	 */
	void startPeriodic(Object key, Object message, Duration interval);

	/**
	 * Cancel a timer: its message is not handled from now on, even if it is already in
	 * the mailbox. Does nothing if no timer has the key.
	 * @param key the timer's key
	 */
	void cancel(Object key);

	/**
	 * Cancel every timer of this actor.
	 */
	void cancelAll();

	/**
	 * Whether a timer with the key is active: a periodic timer until it is cancelled, a
	 * single timer until its message is handled or it is cancelled.
	 * @param key the timer's key
	 * @return {@code true} if it is active
	 */
	boolean isActive(Object key);

}
