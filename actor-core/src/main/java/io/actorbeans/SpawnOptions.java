package io.actorbeans;

import org.jspecify.annotations.Nullable;

/**
 * How one actor runs, where it differs from its system's {@link ActorSystemSettings}. A
 * {@code null} component means "the system's default". Immutable; thread-safe.
 *
 * @param dispatcher the threads that run it
 * @param mailboxCapacity the most messages its mailbox holds, {@code 0} for no limit
 * @param failurePolicy what it does when a handler throws
 * @since 0.1.0
 */
public record SpawnOptions(@Nullable Dispatcher dispatcher, @Nullable Integer mailboxCapacity,
		@Nullable FailurePolicy failurePolicy) {

	private static final SpawnOptions DEFAULTS = new SpawnOptions(null, null, null);

	/**
	 * Validate the options.
	 * @throws IllegalArgumentException if the mailbox capacity is negative
	 */
	public SpawnOptions {
		if (mailboxCapacity != null && mailboxCapacity < 0) {
			throw new IllegalArgumentException(
					"Invalid mailbox capacity " + mailboxCapacity + ": expected 0 (unbounded) or more");
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
		return new SpawnOptions(dispatcher, this.mailboxCapacity, this.failurePolicy);
	}

	/**
	 * These options with another mailbox capacity.
	 * @param capacity the most messages the mailbox holds, {@code 0} for no limit
	 * @return new options
	 */
	public SpawnOptions withMailboxCapacity(int capacity) {
		return new SpawnOptions(this.dispatcher, capacity, this.failurePolicy);
	}

	/**
	 * These options with another failure policy.
	 * @param policy the failure policy
	 * @return new options
	 */
	public SpawnOptions withFailurePolicy(FailurePolicy policy) {
		return new SpawnOptions(this.dispatcher, this.mailboxCapacity, policy);
	}

}
