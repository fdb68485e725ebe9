package io.actorbeans.boot.actuate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.FailurePolicy;
import io.actorbeans.boot.Actor;
import io.actorbeans.boot.ActorBeans;
import io.actorbeans.boot.ActorFactory;
import io.actorbeans.boot.actuate.TestActors.ActorsConfiguration;
import io.actorbeans.boot.actuate.TestActors.Block;
import io.actorbeans.boot.actuate.TestActors.Work;
import io.actorbeans.boot.actuate.TestActors.Worker;
import io.actorbeans.boot.autoconfigure.ActorAutoConfiguration;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ActorsHealthContributorAutoConfiguration} and
 * {@link ActorsHealthIndicator}.
 */
@Timeout(30)
class ActorsHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(ActorAutoConfiguration.class, ActorsHealthContributorAutoConfiguration.class))
		.withUserConfiguration(ActorsConfiguration.class)
		.withPropertyValues("actorbeans.shutdown.timeout=1s");

	@Test
	void healthIndicatorShouldBeAutoConfiguredAsActors() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ActorsHealthIndicator.class);
			assertThat(context).hasBean("actorsHealthIndicator");
		});
	}

	@Test
	void healthIndicatorWhenDisabledShouldBackOff() {
		this.runner.withPropertyValues("management.health.actors.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ActorsHealthIndicator.class));
	}

	@Test
	void healthIndicatorWhenDefaultsDisabledShouldBackOff() {
		this.runner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ActorsHealthIndicator.class));
	}

	@Test
	void healthIndicatorWhenUserDefinesOneShouldBackOff() {
		this.runner.withUserConfiguration(CustomHealthIndicatorConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ActorsHealthIndicator.class);
			assertThat(context).hasBean("customActorsHealthIndicator").doesNotHaveBean("actorsHealthIndicator");
		});
	}

	@Test
	void healthIndicatorWhenUserDefinesBeanOfSameNameShouldBackOff() {
		this.runner.withUserConfiguration(SameNameHealthIndicatorConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean(ActorsHealthIndicator.class);
			assertThat(context.getBean("actorsHealthIndicator"))
				.isSameAs(SameNameHealthIndicatorConfiguration.INDICATOR);
		});
	}

	@Test
	void healthIndicatorWhenHealthIsNotOnClassPathShouldBackOff() {
		this.runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(ActorSystem.class);
			assertThat(context).doesNotHaveBean(ActorsHealthIndicator.class);
		});
	}

	@Test
	void healthWhenActorsRunShouldBeUp() {
		this.runner.run((context) -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("actors", 3)
				.containsEntry("running", 3)
				.containsEntry("failedCount", 0)
				.containsEntry("stoppedCount", 0)
				.containsEntry("stalledCount", 0)
				.containsEntry("shutdown", false);
			assertThat(health.getDetails().get("failed")).asInstanceOf(InstanceOfAssertFactories.COLLECTION).isEmpty();
			assertThat(health.getDetails().get("stopped")).asInstanceOf(InstanceOfAssertFactories.COLLECTION).isEmpty();
			assertThat(health.getDetails().get("stalled")).asInstanceOf(InstanceOfAssertFactories.COLLECTION).isEmpty();
		});
	}

	@Test
	void healthWhenSingletonActorIsStoppedShouldBeOutOfServiceNamingIt() {
		this.runner.run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			stop(system, "worker");
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(health.getDetails()).containsEntry("actors", 2)
				.containsEntry("running", 2)
				.containsEntry("stoppedCount", 1)
				.containsEntry("failedCount", 0);
			assertThat(health.getDetails().get("stopped")).asInstanceOf(InstanceOfAssertFactories.COLLECTION)
				.containsExactly("worker");
		});
	}

	@Test
	void healthWhenStoppedSingletonActorIsReplacedShouldBeUp() {
		this.runner.run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			stop(system, "worker");
			system.spawn("worker", new Worker());
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void healthWhenPrototypeActorIsStoppedShouldStayUp() {
		this.runner.withUserConfiguration(TestActors.PrototypeConfiguration.class).run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			context.getBean(ActorFactory.class).spawn(TestActors.Counter.class, "counter");
			stop(system, "counter");
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void healthWhenActorFailedShouldBeDown() {
		this.runner.run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			system.lookup("fragile").orElseThrow().send(Work.FAIL);
			await().atMost(Duration.ofSeconds(5))
				.until(() -> context.getBean(ActorBeans.class).failedActors().contains("fragile"));
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("actors", 2)
				.containsEntry("running", 2)
				.containsEntry("failedCount", 1)
				.containsEntry("stoppedCount", 0);
			assertThat(health.getDetails().get("failed")).asInstanceOf(InstanceOfAssertFactories.COLLECTION)
				.containsExactly("fragile");
		});
	}

	@Test
	void healthWhenFailedSingletonActorIsReplacedShouldBeUp() {
		this.runner.run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			fail(context, "fragile");
			assertThat(health(context).getStatus()).isEqualTo(Status.DOWN);
			system.spawn("fragile", new Worker());
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("failedCount", 0).containsEntry("stoppedCount", 0);
		});
	}

	@Test
	void healthWhenReplacementOfFailedSingletonActorIsStoppedShouldBeOutOfService() {
		this.runner.run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			fail(context, "fragile");
			system.spawn("fragile", new Worker());
			stop(system, "fragile");
			await().atMost(Duration.ofSeconds(5))
				.until(() -> !context.getBean(ActorBeans.class).failedActors().contains("fragile"));
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(health.getDetails().get("stopped")).asInstanceOf(InstanceOfAssertFactories.COLLECTION)
				.containsExactly("fragile");
			assertThat(health.getDetails().get("failed")).asInstanceOf(InstanceOfAssertFactories.COLLECTION).isEmpty();
		});
	}

	@Test
	void healthWhenPrototypeActorFailedShouldStayUp() {
		this.runner.withUserConfiguration(FragilePrototypeConfiguration.class).run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			ActorRef prototype = context.getBean(ActorFactory.class).spawn(Worker.class, "fragile-prototype");
			prototype.send(Work.FAIL);
			await().atMost(Duration.ofSeconds(5)).until(() -> system.lookup("fragile-prototype").isEmpty());
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails().get("failed")).asInstanceOf(InstanceOfAssertFactories.COLLECTION).isEmpty();
		});
	}

	@Test
	void healthWhenActorStalledShouldBeDown() {
		this.runner.withPropertyValues("actorbeans.health.stall-threshold=50ms").run((context) -> {
			CountDownLatch release = context.getBean(CountDownLatch.class);
			try {
				ActorRef blocker = context.getBean(ActorSystem.class).lookup("blocker").orElseThrow();
				blocker.send(new Block());
				blocker.send(new Block());
				await().atMost(Duration.ofSeconds(5)).until(() -> health(context).getStatus().equals(Status.DOWN));
				assertThat(health(context).getDetails().get("stalled"))
					.asInstanceOf(InstanceOfAssertFactories.COLLECTION)
					.containsExactly("blocker");
				assertThat(health(context).getDetails()).containsEntry("stalledCount", 1);
				release.countDown();
				await().atMost(Duration.ofSeconds(5)).until(() -> health(context).getStatus().equals(Status.UP));
			}
			finally {
				release.countDown();
			}
		});
	}

	@Test
	void healthWhenBusyActorIsWithinStallThresholdShouldBeUp() {
		this.runner.run((context) -> {
			CountDownLatch release = context.getBean(CountDownLatch.class);
			try {
				ActorRef blocker = context.getBean(ActorSystem.class).lookup("blocker").orElseThrow();
				blocker.send(new Block());
				blocker.send(new Block());
				await().atMost(Duration.ofSeconds(5))
					.until(() -> context.getBean(ActorSystem.class).actor("blocker").orElseThrow().mailboxSize() > 0);
				assertThat(health(context).getStatus()).isEqualTo(Status.UP);
			}
			finally {
				release.countDown();
			}
		});
	}

	@Test
	void healthWhenSystemIsShutDownShouldBeDown() {
		this.runner.run((context) -> {
			context.getBean(CountDownLatch.class).countDown();
			context.getBean(ActorSystem.class).shutdown(Duration.ofSeconds(1));
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("shutdown", true).containsEntry("actors", 0);
		});
	}

	/** Make the singleton actor of a {@link FailurePolicy#STOP} bean fail. */
	private static void fail(AssertableApplicationContext context, String name) {
		context.getBean(ActorSystem.class).lookup(name).orElseThrow().send(Work.FAIL);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> context.getBean(ActorBeans.class).failedActors().contains(name));
	}

	/** Stop an actor, and wait until it is no longer live. */
	private static void stop(ActorSystem system, String name) {
		system.bridge().stop(List.of(system.lookup(name).orElseThrow()), Duration.ofSeconds(5));
		await().atMost(Duration.ofSeconds(5)).until(() -> system.lookup(name).isEmpty());
	}

	private static Health health(AssertableApplicationContext context) {
		Health health = context.getBean(ActorsHealthIndicator.class).health(true);
		assertThat(health).isNotNull();
		return health;
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomHealthIndicatorConfiguration {

		@Bean
		ActorsHealthIndicator customActorsHealthIndicator(ActorSystem actorSystem, ActorBeans actorBeans) {
			return new ActorsHealthIndicator(actorSystem, actorBeans, Duration.ofMinutes(1));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SameNameHealthIndicatorConfiguration {

		static final HealthIndicator INDICATOR = () -> Health.up().build();

		@Bean
		HealthIndicator actorsHealthIndicator() {
			return INDICATOR;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FragilePrototypeConfiguration {

		@Bean
		@Scope("prototype")
		@Actor(failurePolicy = FailurePolicy.STOP)
		Worker fragilePrototype() {
			return new Worker();
		}

	}

}
