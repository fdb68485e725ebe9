package io.actorbeans;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The settings of an {@link ActorSystem}, with defaults for every actor it spawns.
 * Immutable; thread-safe. Start from {@link #defaults()} and change what you need with
 * the {@code with} methods; an invalid value is rejected with an
 * {@link IllegalArgumentException} that names the setting and what it accepts.
 *
 * @param name the system's name, used in thread names and messages
 * @param dispatcher the dispatcher of actors that do not choose one
 * @param sharedPoolSize the number of platform threads of the shared dispatcher
 * @param throughput the most messages an actor handles in one turn before it yields its
 * thread
 * @param mailboxCapacity the mailbox capacity of actors that do not choose one, {@code 0}
 * for no limit
 * @param failurePolicy the failure policy of actors that do not choose one
 * @param bridgeTimeout how long a Bridge call waits when it is given no timeout
 * @param shutdownTimeout how long {@link ActorSystem#close()} waits for actors to finish
 * @param contextPropagator what carries a context from the thread that sends a message to
 * the one that handles it, {@code null} for nothing
 * @param messageObserver what observes each message an actor handles, {@code null} for
 * nothing
 * @param replyAdapter what turns handlers' results of other types than
 * {@code CompletionStage} into their replies, {@code null} for nothing
 * @since 0.1.0
 */
public record ActorSystemSettings(String name, Dispatcher dispatcher, int sharedPoolSize, int throughput,
		int mailboxCapacity, FailurePolicy failurePolicy, Duration bridgeTimeout, Duration shutdownTimeout,
		@Nullable ContextPropagator contextPropagator, @Nullable MessageObserver messageObserver,
		@Nullable ReplyAdapter replyAdapter) {

	/**
	 * Validate the settings.
	 * @throws IllegalArgumentException naming the first invalid setting
	 */
	public ActorSystemSettings {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("Invalid name '" + name + "': expected a non-blank name");
		}
		requireNonNull(dispatcher, "dispatcher", "shared, virtual or thread");
		requireNonNull(failurePolicy, "failurePolicy", "RESUME, STOP or RESTART");
		requireAtLeast(sharedPoolSize, 1, "sharedPoolSize");
		requireAtLeast(throughput, 1, "throughput");
		requireAtLeast(mailboxCapacity, 0, "mailboxCapacity");
		requirePositive(bridgeTimeout, "bridgeTimeout");
		requirePositive(shutdownTimeout, "shutdownTimeout");
	}

	/**
	 * The defaults: name {@code actors}, the shared dispatcher with one thread per
	 * available processor, throughput 32, unbounded mailboxes,
	 * {@link FailurePolicy#RESUME}, a Bridge timeout of 5 seconds and a shutdown timeout
	 * of 10 seconds, no context propagation, no message observer and no reply adapter.
	 * @return the default settings
	 */
	public static ActorSystemSettings defaults() {
		return new ActorSystemSettings("actors", Dispatcher.SHARED, Runtime.getRuntime().availableProcessors(), 32, 0,
				FailurePolicy.RESUME, Duration.ofSeconds(5), Duration.ofSeconds(10), null, null, null);
	}

	/**
	 * These settings with another name.
	 * @param name the system's name
	 * @return new settings
	 */
	public ActorSystemSettings withName(String name) {
		return new ActorSystemSettings(name, this.dispatcher, this.sharedPoolSize, this.throughput,
				this.mailboxCapacity, this.failurePolicy, this.bridgeTimeout, this.shutdownTimeout,
				this.contextPropagator, this.messageObserver, this.replyAdapter);
	}

	/**
	 * These settings with another default dispatcher.
	 * @param dispatcher the dispatcher
	 * @return new settings
	 */
	public ActorSystemSettings withDispatcher(Dispatcher dispatcher) {
		return new ActorSystemSettings(this.name, dispatcher, this.sharedPoolSize, this.throughput,
				this.mailboxCapacity, this.failurePolicy, this.bridgeTimeout, this.shutdownTimeout,
				this.contextPropagator, this.messageObserver, this.replyAdapter);
	}

	/**
	 * These settings with another shared pool size.
	 * @param size the number of threads, at least 1
	 * @return new settings
	 */
	public ActorSystemSettings withSharedPoolSize(int size) {
		return new ActorSystemSettings(this.name, this.dispatcher, size, this.throughput, this.mailboxCapacity,
				this.failurePolicy, this.bridgeTimeout, this.shutdownTimeout, this.contextPropagator,
				this.messageObserver, this.replyAdapter);
	}

	/**
	 * These settings with another throughput.
	 * @param throughput the most messages per turn, at least 1
	 * @return new settings
	 */
	public ActorSystemSettings withThroughput(int throughput) {
		return new ActorSystemSettings(this.name, this.dispatcher, this.sharedPoolSize, throughput,
				this.mailboxCapacity, this.failurePolicy, this.bridgeTimeout, this.shutdownTimeout,
				this.contextPropagator, this.messageObserver, this.replyAdapter);
	}

	/**
	 * These settings with another default mailbox capacity.
	 * @param capacity the most messages a mailbox holds, {@code 0} for no limit
	 * @return new settings
	 */
	public ActorSystemSettings withMailboxCapacity(int capacity) {
		return new ActorSystemSettings(this.name, this.dispatcher, this.sharedPoolSize, this.throughput, capacity,
				this.failurePolicy, this.bridgeTimeout, this.shutdownTimeout, this.contextPropagator,
				this.messageObserver, this.replyAdapter);
	}

	/**
	 * These settings with another default failure policy.
	 * @param policy the failure policy
	 * @return new settings
	 */
	public ActorSystemSettings withFailurePolicy(FailurePolicy policy) {
		return new ActorSystemSettings(this.name, this.dispatcher, this.sharedPoolSize, this.throughput,
				this.mailboxCapacity, policy, this.bridgeTimeout, this.shutdownTimeout, this.contextPropagator,
				this.messageObserver, this.replyAdapter);
	}

	/**
	 * These settings with another Bridge timeout.
	 * @param timeout how long a call without a timeout waits, positive
	 * @return new settings
	 */
	public ActorSystemSettings withBridgeTimeout(Duration timeout) {
		return new ActorSystemSettings(this.name, this.dispatcher, this.sharedPoolSize, this.throughput,
				this.mailboxCapacity, this.failurePolicy, timeout, this.shutdownTimeout, this.contextPropagator,
				this.messageObserver, this.replyAdapter);
	}

	/**
	 * These settings with another shutdown timeout.
	 * @param timeout how long {@code close()} waits, positive
	 * @return new settings
	 */
	public ActorSystemSettings withShutdownTimeout(Duration timeout) {
		return new ActorSystemSettings(this.name, this.dispatcher, this.sharedPoolSize, this.throughput,
				this.mailboxCapacity, this.failurePolicy, this.bridgeTimeout, timeout, this.contextPropagator,
				this.messageObserver, this.replyAdapter);
	}

	/**
	 * These settings with a context propagator: each message carries the context it
	 * captures on the sending thread, restored around the handler.
	 * @param propagator the propagator, {@code null} for none
	 * @return new settings
	 */
	public ActorSystemSettings withContextPropagator(@Nullable ContextPropagator propagator) {
		return new ActorSystemSettings(this.name, this.dispatcher, this.sharedPoolSize, this.throughput,
				this.mailboxCapacity, this.failurePolicy, this.bridgeTimeout, this.shutdownTimeout, propagator,
				this.messageObserver, this.replyAdapter);
	}

	/**
	 * These settings with a message observer, told of the start and the outcome of each
	 * message an actor handles.
	 * @param observer the observer, {@code null} for none
	 * @return new settings
	 */
	public ActorSystemSettings withMessageObserver(@Nullable MessageObserver observer) {
		return new ActorSystemSettings(this.name, this.dispatcher, this.sharedPoolSize, this.throughput,
				this.mailboxCapacity, this.failurePolicy, this.bridgeTimeout, this.shutdownTimeout,
				this.contextPropagator, observer, this.replyAdapter);
	}

	/**
	 * These settings with a reply adapter: a handler's result of a type it supports
	 * replies with the value it stands for.
	 * @param adapter the adapter, {@code null} for none
	 * @return new settings
	 */
	public ActorSystemSettings withReplyAdapter(@Nullable ReplyAdapter adapter) {
		return new ActorSystemSettings(this.name, this.dispatcher, this.sharedPoolSize, this.throughput,
				this.mailboxCapacity, this.failurePolicy, this.bridgeTimeout, this.shutdownTimeout,
				this.contextPropagator, this.messageObserver, adapter);
	}

	private static void requireNonNull(Object value, String setting, String accepted) {
		if (value == null) {
			throw new IllegalArgumentException("Invalid " + setting + " null: expected " + accepted);
		}
	}

	private static void requireAtLeast(int value, int minimum, String setting) {
		if (value < minimum) {
			throw new IllegalArgumentException(
					"Invalid " + setting + " " + value + ": expected " + minimum + " or more");
		}
	}

	private static void requirePositive(Duration value, String setting) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("Invalid " + setting + " " + value + ": expected a positive duration");
		}
	}

}
