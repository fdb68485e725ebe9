package io.actorbeans.boot.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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
 * A {@link HealthIndicator} for the application's actor system. It reports
 * {@link Status#DOWN} when the system has begun to shut down, when an actor has ended of
 * a handler failure since the application started, or when an actor is stalled: it is
 * running, has messages waiting, and has not started a turn for longer than the stall
 * threshold (a handler that blocks, or a dispatcher with no thread free). Otherwise it
 * reports {@link Status#UP}.
 * <p>
 * Details: {@code actors} (the number of live actors), {@code running} (those still
 * running), {@code failed} (the names of the actors that ended of a failure),
 * {@code stalled} (the names of the stalled actors) and {@code shutdown} (whether the
 * system is shutting down).
 * <p>
 * Thread-safe.
 *
 * @since 0.1.0
 */
public class ActorsHealthIndicator extends AbstractHealthIndicator {

	private final ActorSystem system;

	private final ActorBeans actorBeans;

	private final Duration stallThreshold;

	/**
	 * Create a new {@code ActorsHealthIndicator} instance.
	 * @param system the actor system to check
	 * @param actorBeans the registry that remembers the actors that failed
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
		Set<String> stalled = new TreeSet<>();
		for (ActorInfo actor : actors) {
			if (actor.state() == ActorState.RUNNING) {
				running++;
				if (actor.mailboxSize() > 0 && actor.lastActivity().isBefore(stalledBefore)) {
					stalled.add(actor.name());
				}
			}
		}
		Set<String> failed = this.actorBeans.failedActors();
		if (shutdown || !failed.isEmpty() || !stalled.isEmpty()) {
			builder.down();
		}
		else {
			builder.up();
		}
		builder.withDetail("actors", actors.size())
			.withDetail("running", running)
			.withDetail("failed", failed)
			.withDetail("stalled", stalled)
			.withDetail("shutdown", shutdown);
	}

}
