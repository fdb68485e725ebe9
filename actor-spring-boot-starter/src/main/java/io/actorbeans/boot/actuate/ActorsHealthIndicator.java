package io.actorbeans.boot.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import io.actorbeans.ActorInfo;
import io.actorbeans.ActorState;
import io.actorbeans.ActorSystem;
import io.actorbeans.boot.ActorBeans;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.Assert;

/**
 * A {@link HealthIndicator} for the application's actor system. It reports:
 * <ul>
 * <li>{@link Status#DOWN} when the system has begun to shut down, when the actor of a
 * singleton actor bean has ended of a handler failure and no actor runs under its name
 * since, or when an actor is stalled: it is running, has messages waiting, and has not
 * started a turn for longer than the stall threshold (a handler that blocks, or a
 * dispatcher with no thread free);</li>
 * <li>otherwise {@link Status#OUT_OF_SERVICE} when the actor of a singleton actor bean is
 * no longer running, stopped rather than failed (by an operator through the
 * {@code actors} endpoint, say): this instance can no longer serve all its requests, and
 * a readiness group that includes {@code actors} takes it out of the load balancer;</li>
 * <li>otherwise {@link Status#UP}.</li>
 * </ul>
 * Prototype actors come and go on demand: their failures and stops do not count.
 * <p>
 * Details: {@code actors} (the number of live actors), {@code running} (those still
 * running), {@code failed}, {@code stopped} and {@code stalled} (the names of the actors
 * in each case, at most the first 10 in alphabetical order, so that the details stay
 * small however many actors there are), {@code failedCount}, {@code stoppedCount} and
 * {@code stalledCount} (how many there are in each case), and {@code shutdown} (whether
 * the system is shutting down).
 * <p>
 * Thread-safe.
 *
 * @since 0.1.0
 */
public class ActorsHealthIndicator extends AbstractHealthIndicator {

	/** The largest number of names each detail lists. */
	static final int MAX_NAMES = 10;

	private final ActorSystem system;

	private final ActorBeans actorBeans;

	private final Duration stallThreshold;

	/**
	 * Create a new {@code ActorsHealthIndicator} instance.
	 * @param system the actor system to check
	 * @param actorBeans the registry that knows the singleton actor beans' actors and
	 * remembers those that failed
	 * @param stallThreshold how long an actor with messages waiting may go without
	 * starting a turn before it counts as stalled
	 */
	public ActorsHealthIndicator(ActorSystem system, ActorBeans actorBeans, Duration stallThreshold) {
		super("Actors health check failed");
		Assert.notNull(system, "'system' must not be null");
		Assert.notNull(actorBeans, "'actorBeans' must not be null");
		Assert.notNull(stallThreshold, "'stallThreshold' must not be null");
		Assert.isTrue(!stallThreshold.isNegative() && !stallThreshold.isZero(), "'stallThreshold' must be positive");
		this.system = system;
		this.actorBeans = actorBeans;
		this.stallThreshold = stallThreshold;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean shutdown = this.system.isShutdown();
		List<ActorInfo> actors = this.system.actors();
		Instant stalledBefore = Instant.now().minus(this.stallThreshold);
		int running = 0;
		FirstInOrder<String> stalled = names();
		for (ActorInfo actor : actors) {
			if (actor.state() == ActorState.RUNNING) {
				running++;
				if (actor.mailboxSize() > 0 && actor.lastActivity().isBefore(stalledBefore)) {
					stalled.offer(actor.name());
				}
			}
		}
		Set<String> failedSingletons = this.actorBeans.failedActors();
		FirstInOrder<String> failed = names();
		FirstInOrder<String> stopped = names();
		for (String singleton : this.actorBeans.singletonActors()) {
			if (!isRunning(singleton)) {
				(failedSingletons.contains(singleton) ? failed : stopped).offer(singleton);
			}
		}
		if (shutdown || failed.count() > 0 || stalled.count() > 0) {
			builder.down();
		}
		else if (stopped.count() > 0) {
			builder.outOfService();
		}
		else {
			builder.up();
		}
		builder.withDetail("actors", actors.size())
			.withDetail("running", running)
			.withDetail("failed", failed.first())
			.withDetail("failedCount", failed.count())
			.withDetail("stopped", stopped.first())
			.withDetail("stoppedCount", stopped.count())
			.withDetail("stalled", stalled.first())
			.withDetail("stalledCount", stalled.count())
			.withDetail("shutdown", shutdown);
	}

	private boolean isRunning(String actorName) {
		return this.system.actor(actorName).filter((actor) -> actor.state() == ActorState.RUNNING).isPresent();
	}

	private static FirstInOrder<String> names() {
		return new FirstInOrder<>(Comparator.naturalOrder(), MAX_NAMES);
	}

}
