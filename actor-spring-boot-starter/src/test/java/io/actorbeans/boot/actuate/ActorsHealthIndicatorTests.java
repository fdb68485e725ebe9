package io.actorbeans.boot.actuate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.ActorSystemSettings;
import io.actorbeans.FailurePolicy;
import io.actorbeans.SpawnOptions;
import io.actorbeans.boot.ActorBeans;
import io.actorbeans.boot.actuate.TestActors.Block;
import io.actorbeans.boot.actuate.TestActors.Blocker;
import io.actorbeans.boot.actuate.TestActors.Work;
import io.actorbeans.boot.actuate.TestActors.Worker;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ActorsHealthIndicator} with many actors: its details stay small.
 */
@Timeout(30)
class ActorsHealthIndicatorTests {

	private static final int MANY = ActorsHealthIndicator.MAX_NAMES + 5;

	private static final List<String> FIRST_NAMES = List.of("actor-00", "actor-01", "actor-02", "actor-03", "actor-04",
			"actor-05", "actor-06", "actor-07", "actor-08", "actor-09");

	private final ActorSystem system = ActorSystem
		.create(ActorSystemSettings.defaults().withSharedPoolSize(1).withShutdownTimeout(Duration.ofSeconds(1)));

	private final ActorBeans actorBeans = new ActorBeans(Set.of());

	private final ActorsHealthIndicator indicator = new ActorsHealthIndicator(this.system, this.actorBeans,
			Duration.ofMillis(50));

	private final CountDownLatch release = new CountDownLatch(1);

	ActorsHealthIndicatorTests() {
		this.system.addTerminationListener(this.actorBeans);
	}

	@AfterEach
	void shutdown() {
		this.release.countDown();
		this.system.close();
	}

	@Test
	void healthWhenManyActorsAreStalledShouldListTheFirstTenAndCountThemAll() {
		// the blocker holds the only thread of the pool once its mailbox is empty
		this.system.spawn("blocker", new Blocker(this.release)).send(new Block());
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.system.actor("blocker").orElseThrow().mailboxSize() == 0);
		for (int i = MANY - 1; i >= 0; i--) {
			this.system.spawn(name(i), new Worker()).send(Work.OK);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> health().getDetails().get("stalledCount").equals(MANY));
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("stalled")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.containsExactlyElementsOf(FIRST_NAMES);
	}

	@Test
	void healthWhenManySingletonActorsFailedShouldListTheFirstTenAndCountThemAll() {
		for (ActorRef actor : spawnSingletons(FailurePolicy.STOP)) {
			actor.send(Work.FAIL);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> this.actorBeans.failedActors().size() == MANY);
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("failedCount", MANY).containsEntry("stoppedCount", 0);
		assertThat(health.getDetails().get("failed")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.containsExactlyElementsOf(FIRST_NAMES);
	}

	@Test
	void healthWhenManySingletonActorsStoppedShouldListTheFirstTenAndCountThemAll() {
		List<ActorRef> singletons = spawnSingletons(FailurePolicy.RESUME);
		this.system.bridge().stop(singletons, Duration.ofSeconds(5));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.system.actors().isEmpty());
		Health health = health();
		assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(health.getDetails()).containsEntry("stoppedCount", MANY).containsEntry("failedCount", 0);
		assertThat(health.getDetails().get("stopped")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.containsExactlyElementsOf(FIRST_NAMES);
	}

	private List<ActorRef> spawnSingletons(FailurePolicy failurePolicy) {
		List<ActorRef> singletons = new ArrayList<>();
		for (int i = MANY - 1; i >= 0; i--) {
			ActorRef actor = this.system.spawn(name(i), new Worker(),
					SpawnOptions.defaults().withFailurePolicy(failurePolicy));
			this.actorBeans.registerSingleton(actor.name(), actor.name());
			singletons.add(actor);
		}
		return singletons;
	}

	private Health health() {
		Health health = this.indicator.health(true);
		assertThat(health).isNotNull();
		return health;
	}

	private static String name(int i) {
		return String.format("actor-%02d", i);
	}

}
