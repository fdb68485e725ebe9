package io.actorbeans.boot.autoconfigure;

import java.time.Duration;

import io.actorbeans.ActorSystemSettings;
import io.actorbeans.Dispatcher;
import io.actorbeans.FailurePolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Configuration of the application's actor system, under {@code actorbeans}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("actorbeans")
public class ActorsProperties implements InitializingBean {

	/**
	 * Name of the actor system, used in thread names and log lines. Defaults to
	 * "spring.application.name", or "actors".
	 */
	private @Nullable String name;

	/**
	 * Failure policy of actors that do not choose one: RESUME, STOP or RESTART (RESTART
	 * needs prototype-scoped actor beans).
	 */
	private FailurePolicy failurePolicy = FailurePolicy.RESUME;

	/**
	 * Whether to carry the context of the sending thread with each message (the trace,
	 * the security context and whatever else Micrometer's context-propagation library
	 * knows) and restore it around its handler. Needs io.micrometer:context-propagation.
	 */
	private boolean propagateContext;

	private final Observations observations = new Observations();

	private final DispatcherProperties dispatcher = new DispatcherProperties();

	private final Mailbox mailbox = new Mailbox();

	private final BridgeProperties bridge = new BridgeProperties();

	private final Shutdown shutdown = new Shutdown();

	private final Health health = new Health();

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public FailurePolicy getFailurePolicy() {
		return this.failurePolicy;
	}

	public void setFailurePolicy(FailurePolicy failurePolicy) {
		this.failurePolicy = failurePolicy;
	}

	public boolean isPropagateContext() {
		return this.propagateContext;
	}

	public void setPropagateContext(boolean propagateContext) {
		this.propagateContext = propagateContext;
	}

	public Observations getObservations() {
		return this.observations;
	}

	public DispatcherProperties getDispatcher() {
		return this.dispatcher;
	}

	public Mailbox getMailbox() {
		return this.mailbox;
	}

	public BridgeProperties getBridge() {
		return this.bridge;
	}

	public Shutdown getShutdown() {
		return this.shutdown;
	}

	public Health getHealth() {
		return this.health;
	}

	/**
	 * Check every value, naming the first invalid property and what it accepts.
	 * @throws InvalidConfigurationPropertyValueException for an invalid value
	 */
	@Override
	public void afterPropertiesSet() {
		if (this.name != null && this.name.isBlank()) {
			throw new InvalidConfigurationPropertyValueException("actorbeans.name", this.name,
					"The name must not be blank.");
		}
		Integer poolSize = this.dispatcher.getSharedPoolSize();
		if (poolSize != null && poolSize < 1) {
			throw new InvalidConfigurationPropertyValueException("actorbeans.dispatcher.shared-pool-size", poolSize,
					"The shared pool needs at least 1 thread.");
		}
		if (this.dispatcher.getThroughput() < 1) {
			throw new InvalidConfigurationPropertyValueException("actorbeans.dispatcher.throughput",
					this.dispatcher.getThroughput(), "An actor must handle at least 1 message per turn.");
		}
		if (this.dispatcher.getType() == Dispatcher.VIRTUAL && Runtime.version().feature() < 21) {
			throw new InvalidConfigurationPropertyValueException("actorbeans.dispatcher.type", "virtual",
					"Virtual threads need Java 21 or newer, and this JVM is Java " + Runtime.version()
							+ ". Accepted values here: shared, thread.");
		}
		if (this.mailbox.getCapacity() < 0) {
			throw new InvalidConfigurationPropertyValueException("actorbeans.mailbox.capacity",
					this.mailbox.getCapacity(), "The capacity must be 0 (unbounded) or more.");
		}
		requirePositive("actorbeans.bridge.default-timeout", this.bridge.getDefaultTimeout());
		requirePositive("actorbeans.shutdown.timeout", this.shutdown.getTimeout());
		requirePositive("actorbeans.health.stall-threshold", this.health.getStallThreshold());
	}

	private static void requirePositive(String property, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new InvalidConfigurationPropertyValueException(property, value,
					"The duration must be positive, such as 5s or 500ms.");
		}
	}

	/**
	 * The settings of the actor system these properties describe.
	 * @param defaultName the name to use when none is configured
	 * @param defaultDispatcher the dispatcher to use when none is configured
	 * @return the settings
	 */
	public ActorSystemSettings toSettings(String defaultName, Dispatcher defaultDispatcher) {
		Dispatcher type = this.dispatcher.getType();
		ActorSystemSettings settings = ActorSystemSettings.defaults()
			.withName((this.name != null) ? this.name : defaultName)
			.withDispatcher((type != null) ? type : defaultDispatcher)
			.withThroughput(this.dispatcher.getThroughput())
			.withMailboxCapacity(this.mailbox.getCapacity())
			.withFailurePolicy(this.failurePolicy)
			.withBridgeTimeout(this.bridge.getDefaultTimeout())
			.withShutdownTimeout(this.shutdown.getTimeout());
		Integer poolSize = this.dispatcher.getSharedPoolSize();
		return (poolSize != null) ? settings.withSharedPoolSize(poolSize) : settings;
	}

	/**
	 * Dispatcher properties.
	 */
	public static class DispatcherProperties {

		/**
		 * Dispatcher of actors that do not choose one: shared (a work-stealing pool),
		 * virtual (a virtual thread per turn, Java 21+), thread (a thread per actor), or,
		 * in tests only, calling-thread (the sending thread runs the handlers). Defaults
		 * to virtual when "spring.threads.virtual.enabled" is true on Java 21+, else to
		 * shared.
		 */
		private @Nullable Dispatcher type;

		/**
		 * Number of platform threads of the shared dispatcher. Defaults to the number of
		 * available processors.
		 */
		private @Nullable Integer sharedPoolSize;

		/**
		 * Maximum number of messages an actor handles in one turn before it yields its
		 * thread.
		 */
		private int throughput = 32;

		public @Nullable Dispatcher getType() {
			return this.type;
		}

		public void setType(@Nullable Dispatcher type) {
			this.type = type;
		}

		public @Nullable Integer getSharedPoolSize() {
			return this.sharedPoolSize;
		}

		public void setSharedPoolSize(@Nullable Integer sharedPoolSize) {
			this.sharedPoolSize = sharedPoolSize;
		}

		public int getThroughput() {
			return this.throughput;
		}

		public void setThroughput(int throughput) {
			this.throughput = throughput;
		}

	}

	/**
	 * Mailbox properties.
	 */
	public static class Mailbox {

		/**
		 * Maximum number of messages in the mailbox of an actor that does not choose its
		 * own; 0 for no limit. A message beyond it becomes a dead letter.
		 */
		private int capacity;

		public int getCapacity() {
			return this.capacity;
		}

		public void setCapacity(int capacity) {
			this.capacity = capacity;
		}

	}

	/**
	 * Bridge properties.
	 */
	public static class BridgeProperties {

		/**
		 * How long a Bridge call waits for its reply when it is given no timeout.
		 */
		private Duration defaultTimeout = Duration.ofSeconds(5);

		public Duration getDefaultTimeout() {
			return this.defaultTimeout;
		}

		public void setDefaultTimeout(Duration defaultTimeout) {
			this.defaultTimeout = defaultTimeout;
		}

	}

	/**
	 * Shutdown properties.
	 */
	public static class Shutdown {

		/**
		 * Maximum time to let actors handle the messages they accepted and stop, once the
		 * web server has finished its graceful shutdown and the task executors and
		 * schedulers their tasks. No longer than
		 * "spring.lifecycle.timeout-per-shutdown-phase".
		 */
		private Duration timeout = Duration.ofSeconds(10);

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	/**
	 * Observation properties.
	 */
	public static class Observations {

		/**
		 * Whether to observe each message an actor handles ("actors.message.process") and
		 * each Bridge call ("actors.bridge.call") with the application's
		 * ObservationRegistry: timers, and spans when tracing is set up.
		 */
		private boolean enabled;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Health properties.
	 */
	public static class Health {

		/**
		 * How long an actor with messages waiting may go without starting a turn before
		 * the health indicator reports it as stalled.
		 */
		private Duration stallThreshold = Duration.ofSeconds(30);

		public Duration getStallThreshold() {
			return this.stallThreshold;
		}

		public void setStallThreshold(Duration stallThreshold) {
			this.stallThreshold = stallThreshold;
		}

	}

}
