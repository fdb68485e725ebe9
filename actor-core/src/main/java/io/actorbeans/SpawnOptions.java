package io.actorbeans;

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
 * @since 0.1.0
 */
public record SpawnOptions(@Nullable Dispatcher dispatcher, @Nullable Integer mailboxCapacity,
		@Nullable FailurePolicy failurePolicy, @Nullable Integer stashCapacity) {

	/** The stash capacity of an actor whose options do not set one. */
	public static final int DEFAULT_STASH_CAPACITY = 1000;

	private static final SpawnOptions DEFAULTS = new SpawnOptions(null, null, null, null);

	/**
	 * Validate the options.
	 * @throws IllegalArgumentException if the mailbox capacity is negative or the stash
	 * capacity is not positive
	 */
	public SpawnOptions {
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
		return new SpawnOptions(dispatcher, this.mailboxCapacity, this.failurePolicy, this.stashCapacity);
	}

	/**
	 * These options with another mailbox capacity.
	 * @param capacity the most messages the mailbox holds, {@code 0} for no limit
	 * @return new options
	 */
	public SpawnOptions withMailboxCapacity(int capacity) {
		return new SpawnOptions(this.dispatcher, capacity, this.failurePolicy, this.stashCapacity);
	}

	/**
	 * These options with another failure policy.
	 * @param policy the failure policy
	 * @return new options
	 */
	public SpawnOptions withFailurePolicy(FailurePolicy policy) {
		return new SpawnOptions(this.dispatcher, this.mailboxCapacity, policy, this.stashCapacity);
	}

	/**
	 * These options with another stash capacity.
	 * @param capacity the most messages the actor may stash, at least 1
	 * @return new options
	 */
	public SpawnOptions withStashCapacity(int capacity) {
		return new SpawnOptions(this.dispatcher, this.mailboxCapacity, this.failurePolicy, capacity);
	}

}
