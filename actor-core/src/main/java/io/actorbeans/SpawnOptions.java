package io.actorbeans;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How one actor runs, where it differs from its system's {@link ActorSystemSettings}. A
 * {@code null} component means "the system's default". Immutable; thread-safe.
 *
 * @param dispatcher the threads that run it
 * @param mailboxCapacity the most messages its mailbox holds, {@code 0} for no limit
 * @param failurePolicy what it does when a handler throws
 * @param stashCapacity the most messages it may {@link ActorContext#stash() stash};
 * {@code null} for {@link #DEFAULT_STASH_CAPACITY}
 * @param periodicTimers timers the actor starts when it is spawned, as if its first
 * handler had started them with {@link Timers#startPeriodic}
 * @since 0.1.0
 */
public record SpawnOptions(@Nullable Dispatcher dispatcher, @Nullable Integer mailboxCapacity,
		@Nullable FailurePolicy failurePolicy, @Nullable Integer stashCapacity, List<PeriodicTimer> periodicTimers) {

	/** The stash capacity of an actor whose options do not set one. */
	public static final int DEFAULT_STASH_CAPACITY = 1000;

	private static final SpawnOptions DEFAULTS = new SpawnOptions(null, null, null, null, List.of());

	/**
	 * Validate the options.
	 * @throws IllegalArgumentException if the mailbox capacity is negative or the stash
	 * capacity is not positive
	 */
	public SpawnOptions {
		periodicTimers = List.copyOf(periodicTimers);
		if (mailboxCapacity != null && mailboxCapacity < 0) {
			throw new IllegalArgumentException(
					"Invalid mailbox capacity " + mailboxCapacity + ": expected 0 (unbounded) or more");
		}
		if (stashCapacity != null && stashCapacity < 1) {
			throw new IllegalArgumentException("Invalid stash capacity " + stashCapacity + ": expected 1 or more");
		}
	}

	/**
	 * The system's defaults for everything.
	 * @return options with no component set
	 */
	public static SpawnOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * These options with another dispatcher.
	 * @param dispatcher the dispatcher
	 * @return new options
	 */
	public SpawnOptions withDispatcher(Dispatcher dispatcher) {
		return new SpawnOptions(dispatcher, this.mailboxCapacity, this.failurePolicy, this.stashCapacity,
				this.periodicTimers);
	}

	/**
	 * These options with another mailbox capacity.
	 * @param capacity the most messages the mailbox holds, {@code 0} for no limit
	 * @return new options
	 */
	public SpawnOptions withMailboxCapacity(int capacity) {
		return new SpawnOptions(this.dispatcher, capacity, this.failurePolicy, this.stashCapacity, this.periodicTimers);
	}

	/**
	 * These options with another failure policy.
	 * @param policy the failure policy
	 * @return new options
	 */
	public SpawnOptions withFailurePolicy(FailurePolicy policy) {
		return new SpawnOptions(this.dispatcher, this.mailboxCapacity, policy, this.stashCapacity, this.periodicTimers);
	}

	/**
	 * These options with another stash capacity.
	 * @param capacity the most messages the actor may stash, at least 1
	 * @return new options
	 */
	public SpawnOptions withStashCapacity(int capacity) {
		return new SpawnOptions(this.dispatcher, this.mailboxCapacity, this.failurePolicy, capacity,
				this.periodicTimers);
	}

	/**
	 * These options with one more periodic timer, started when the actor is spawned.
	 * @param key the timer's key, as for {@link Timers#startPeriodic}
	 * @param message the message it sends the actor each time
	 * @param interval the interval, positive
	 * @return new options
	 */
	public SpawnOptions withPeriodicTimer(Object key, Object message, Duration interval) {
		List<PeriodicTimer> timers = new ArrayList<>(this.periodicTimers);
		timers.add(new PeriodicTimer(key, message, interval));
		return new SpawnOptions(this.dispatcher, this.mailboxCapacity, this.failurePolicy, this.stashCapacity, timers);
	}

	/**
	 * A periodic timer an actor starts when it is spawned.
	 *
	 * @param key the timer's key
	 * @param message the message it sends each time
	 * @param interval the interval
	 */
	public record PeriodicTimer(Object key, Object message, Duration interval) {

		/**
		 * Validate the timer.
		 * @throws IllegalArgumentException if the interval is not positive
		 */
		public PeriodicTimer {
			Objects.requireNonNull(key, "'key' must not be null");
			Objects.requireNonNull(message, "'message' must not be null");
			Objects.requireNonNull(interval, "'interval' must not be null");
			if (interval.isNegative() || interval.isZero()) {
				throw new IllegalArgumentException(
						"Invalid interval " + interval + " of timer " + key + ": expected a positive duration");
			}
		}

	}

}
