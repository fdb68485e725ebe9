package io.actorbeans.boot.actuate;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.ActorSystemSettings;
import io.actorbeans.Bridge;
import io.actorbeans.Stop;
import io.actorbeans.boot.Actor;
import io.actorbeans.boot.ActorBeans;
import io.actorbeans.boot.ActorFactory;
import io.actorbeans.boot.actuate.TestActors.ActorsConfiguration;
import io.actorbeans.boot.actuate.TestActors.Block;
import io.actorbeans.boot.actuate.TestActors.Counter;
import io.actorbeans.boot.actuate.TestActors.FamilyConfiguration;
import io.actorbeans.boot.actuate.TestActors.PrototypeConfiguration;
import io.actorbeans.boot.actuate.TestActors.PrototypeParent;
import io.actorbeans.boot.actuate.TestActors.SpawnChild;
import io.actorbeans.boot.actuate.TestActors.Work;
import io.actorbeans.boot.autoconfigure.ActorAutoConfiguration;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ActorsMetricsAutoConfiguration} and {@link ActorSystemMetrics}.
 */
@Timeout(30)
class ActorsMetricsAutoConfigurationTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ActorAutoConfiguration.class, ActorsMetricsAutoConfiguration.class))
		.withUserConfiguration(ActorsConfiguration.class, PrototypeConfiguration.class)
		.withPropertyValues("actorbeans.shutdown.timeout=1s");

	@Test
	void metricsWhenNoMeterRegistryShouldBackOff() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ActorSystemMetrics.class);
		});
	}

	@Test
	void threadPoolsOfTheActorSystemHaveExecutorMetricsTaggedWithTheirNames() {
		this.runner
			.withConfiguration(
					AutoConfigurations.of(MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
			.withPropertyValues("actorbeans.name=shop")
			.run((context) -> {
				assertThat(context).hasSingleBean(ActorThreadPoolMetrics.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("executor.pool.size").tag("name", "shop-shared").gauge()).isNotNull();
				assertThat(registry.find("executor.steals").tag("name", "shop-shared").functionCounter()).isNotNull();
				assertThat(registry.find("executor.pool.size").tag("name", "shop-scheduler").gauge()).isNotNull();
				assertThat(registry.find("executor.completed").tag("name", "shop-scheduler").functionCounter())
					.isNotNull();
			});
	}

	@Test
	void metricsWhenMeterRegistryShouldBeAutoConfiguredAndBound() {
		this.runner
			.withConfiguration(
					AutoConfigurations.of(MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(ActorSystemMetrics.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("actors.live").tag("actor", "worker").gauge()).isNotNull();
				assertThat(registry.find("actors.messages.processed").tag("actor", "counter").functionCounter())
					.isNotNull();
			});
	}

	@Test
	void metricsWhenUserDefinesOneShouldBackOff() {
		this.runner.withUserConfiguration(MeterRegistryConfiguration.class, CustomMetricsConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(ActorSystemMetrics.class);
				assertThat(context).hasBean("customActorSystemMetrics").doesNotHaveBean("actorSystemMetrics");
			});
	}

	@Test
	void threadPoolMetricsWhenUserDefinesOneShouldBackOff() {
		this.runner.withUserConfiguration(MeterRegistryConfiguration.class)
			.withBean("customThreadPoolMetrics", ActorThreadPoolMetrics.class)
			.run((context) -> assertThat(context).hasSingleBean(ActorThreadPoolMetrics.class)
				.hasBean("customThreadPoolMetrics")
				.doesNotHaveBean("actorThreadPoolMetrics"));
	}

	@Test
	void metricsWhenMicrometerIsNotOnClassPathShouldBackOff() {
		this.runner.withUserConfiguration(MeterRegistryConfiguration.class)
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(ActorSystem.class);
				assertThat(context).doesNotHaveBean(ActorSystemMetrics.class);
			});
	}

	@Test
	void metersShouldHaveDescriptionsAndBaseUnits() {
		this.runner.run((context) -> {
			MeterRegistry registry = bind(context);
			assertThat(registry.find("actors.messages.processed").tag("actor", "worker").functionCounters())
				.extracting((counter) -> counter.getId().getTag("outcome"))
				.containsExactlyInAnyOrder("success", "failure");
			assertThat(registry.find("actors.messages.processed").tag("actor", "worker").functionCounter().getId())
				.satisfies((id) -> assertDescribed(id, BaseUnits.MESSAGES));
			assertThat(registry.find("actors.messages.failed").tag("actor", "worker").functionCounter().getId())
				.satisfies((id) -> assertDescribed(id, BaseUnits.MESSAGES));
			assertThat(registry.find("actors.mailbox.size").tag("actor", "worker").gauge().getId())
				.satisfies((id) -> assertDescribed(id, BaseUnits.MESSAGES));
			assertThat(registry.find("actors.live").tag("actor", "worker").gauge().getId())
				.satisfies((id) -> assertDescribed(id, "actors"));
			assertThat(
					registry.find("actors.processing").tag("actor", "worker").functionTimer().getId().getDescription())
				.isNotBlank();
			assertThat(registry.getMeters()).extracting((meter) -> meter.getId().getTag("actor"))
				.doesNotContainNull()
				.containsOnly("worker", "fragile", "blocker", "counter", ActorBeans.OTHER);
			assertThat(registry.find("actors.live").tag("actor", "worker").gauge().getId().getTag("dispatcher"))
				.isEqualTo("shared");
			assertThat(registry.find("actors.live").tag("actor", ActorBeans.OTHER).gauge().getId().getTag("dispatcher"))
				.isEqualTo(ActorBeans.MIXED_DISPATCHERS);
		});
	}

	@Test
	void dispatcherTagShouldBeTheDispatcherOfTheActorBean() {
		this.runner.withPropertyValues("actorbeans.dispatcher.type=thread").run((context) -> {
			MeterRegistry registry = bind(context);
			assertThat(registry.find("actors.live").tag("actor", "worker").tag("dispatcher", "thread").gauge())
				.isNotNull();
		});
	}

	@Test
	void prototypeActorsOfTwoClassesWithTheSameSimpleNameShouldNotMerge() {
		this.runner.withUserConfiguration(OtherCounterConfiguration.class).run((context) -> {
			MeterRegistry registry = bind(context);
			ActorFactory factory = context.getBean(ActorFactory.class);
			Bridge bridge = context.getBean(Bridge.class);
			bridge.call(factory.spawn(Counter.class, "counter-1"), Work.OK, WAIT);
			bridge.call(factory.spawn(io.actorbeans.boot.actuate.other.Counter.class, "other-1"), "count", WAIT);
			bridge.call(factory.spawn(io.actorbeans.boot.actuate.other.Counter.class, "other-2"), "count", WAIT);
			await().atMost(WAIT).until(() -> counter(registry, "actors.messages.processed", "otherCounter") == 2);
			assertThat(counter(registry, "actors.messages.processed", "counter")).isEqualTo(1);
			assertThat(gauge(registry, "actors.live", "counter")).isEqualTo(1);
			assertThat(gauge(registry, "actors.live", "otherCounter")).isEqualTo(2);
		});
	}

	@Test
	void metersOfATagThatAppearsLaterShouldBeRegisteredWhenItsFirstActorIsSpawned() {
		ActorBeans actorBeans = new ActorBeans(Set.of());
		try (ActorSystem system = ActorSystem.create(ActorSystemSettings.defaults().withName("late-tags"))) {
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			new ActorSystemMetrics(system, actorBeans, Duration.ZERO).bindTo(registry);
			assertThat(registry.find("actors.live").tag("actor", "late").gauge()).isNull();
			actorBeans.registerSingleton(system.spawn("late", new TestActors.Worker()).name(), "late");
			assertThat(registry.find("actors.live").tag("actor", "late").gauges()).singleElement()
				.satisfies((live) -> assertThat(live.getId().getTag("dispatcher"))
					.isEqualTo(ActorBeans.MIXED_DISPATCHERS));
			assertThat(registry.find("actors.messages.processed").tag("actor", "late").functionCounters()).hasSize(2);
		}
	}

	@Test
	void processedCounterShouldGrow() {
		this.runner.run((context) -> {
			MeterRegistry registry = bind(context);
			ActorRef worker = lookup(context, "worker");
			Bridge bridge = context.getBean(Bridge.class);
			// enough turns that some are timed: the core times one turn in 16, at random
			int calls = 200;
			for (int i = 0; i < calls; i++) {
				bridge.call(worker, Work.OK, WAIT);
			}
			await().atMost(WAIT).until(() -> counter(registry, "actors.messages.processed", "worker") == calls);
			FunctionTimer processing = registry.find("actors.processing").tag("actor", "worker").functionTimer();
			assertThat(processing.count()).isEqualTo(calls);
			await().atMost(WAIT).until(() -> processing.totalTime(TimeUnit.NANOSECONDS) > 0);
			assertThat(counter(registry, "actors.messages.failed", "worker")).isZero();
			assertThat(counter(registry, "actors.messages.processed", "fragile")).isZero();
		});
	}

	@Test
	void failedCounterShouldCountHandlerFailures() {
		this.runner.run((context) -> {
			MeterRegistry registry = bind(context);
			ActorRef worker = lookup(context, "worker");
			worker.send(Work.FAIL);
			worker.send(Work.OK);
			worker.send(Work.FAIL);
			await().atMost(WAIT).until(() -> counter(registry, "actors.messages.processed", "worker") == 3);
			assertThat(processed(registry, "worker", "failure")).isEqualTo(2);
			assertThat(processed(registry, "worker", "success")).isEqualTo(1);
			assertThat(counter(registry, "actors.messages.failed", "worker")).as("deprecated, kept for a release")
				.isEqualTo(2);
		});
	}

	@Test
	void mailboxGaugeShouldCountWaitingMessages() {
		this.runner.run((context) -> {
			MeterRegistry registry = bind(context);
			CountDownLatch release = context.getBean(CountDownLatch.class);
			try {
				ActorRef blocker = lookup(context, "blocker");
				for (int i = 0; i < 4; i++) {
					blocker.send(new Block());
				}
				await().atMost(WAIT).until(() -> gauge(registry, "actors.mailbox.size", "blocker") == 3);
			}
			finally {
				release.countDown();
			}
			await().atMost(WAIT).until(() -> gauge(registry, "actors.mailbox.size", "blocker") == 0);
			assertThat(counter(registry, "actors.messages.processed", "blocker")).isEqualTo(4);
		});
	}

	@Test
	void liveGaugeShouldCountLiveActorsPerTag() {
		this.runner.run((context) -> {
			MeterRegistry registry = bind(context);
			assertThat(gauge(registry, "actors.live", "worker")).isEqualTo(1);
			assertThat(gauge(registry, "actors.live", "counter")).isZero();
			ActorFactory factory = context.getBean(ActorFactory.class);
			factory.spawn(Counter.class, "counter-1");
			factory.spawn(Counter.class, "counter-2");
			assertThat(gauge(registry, "actors.live", "counter")).isEqualTo(2);
			context.getBean(ActorSystem.class).spawn("plain", new TestActors.Worker());
			assertThat(gauge(registry, "actors.live", ActorBeans.OTHER)).isEqualTo(1);
		});
	}

	@Test
	void prototypeActorsShouldBeTaggedByBeanNameNotActorName() {
		this.runner.run((context) -> {
			MeterRegistry registry = bind(context);
			ActorFactory factory = context.getBean(ActorFactory.class);
			Bridge bridge = context.getBean(Bridge.class);
			bridge.call(factory.spawn(Counter.class, "counter-1"), Work.OK, WAIT);
			bridge.call(factory.spawn(Counter.class, "counter-2"), Work.OK, WAIT);
			await().atMost(WAIT).until(() -> counter(registry, "actors.messages.processed", "counter") == 2);
			assertThat(registry.getMeters()).extracting((meter) -> meter.getId().getTag("actor"))
				.doesNotContain("counter-1", "counter-2");
		});
	}

	@Test
	void childActorsShouldBeCountedInTheGroupOfTheirSingletonAncestor() {
		this.runner.withUserConfiguration(FamilyConfiguration.class).run((context) -> {
			MeterRegistry registry = bind(context);
			Bridge bridge = context.getBean(Bridge.class);
			ActorRef family = lookup(context, "family");
			bridge.call(family, new SpawnChild("child"), WAIT);
			bridge.call(lookup(context, "family/child"), new SpawnChild("grandchild"), WAIT);
			bridge.call(lookup(context, "family/child"), Work.OK, WAIT);
			bridge.call(lookup(context, "family/child/grandchild"), Work.OK, WAIT);
			assertThat(gauge(registry, "actors.live", "family")).isEqualTo(3);
			await().atMost(WAIT).until(() -> counter(registry, "actors.messages.processed", "family") == 4);
			assertThat(registry.getMeters()).extracting((meter) -> meter.getId().getTag("actor"))
				.allSatisfy((tag) -> assertThat(tag).doesNotContain("/"));
			double otherBefore = counter(registry, "actors.messages.processed", ActorBeans.OTHER);
			assertThat(bridge.stop(List.of(family), WAIT)).doesNotContainNull();
			await().atMost(WAIT).until(() -> gauge(registry, "actors.live", "family") == 0);
			assertThat(context.getBean(ActorSystem.class).actors())
				.noneMatch((actor) -> actor.name().startsWith("family"));
			// the user's Stop counts; the Stops its parent sent the children are runtime
			// signals
			assertThat(counter(registry, "actors.messages.processed", "family")).isEqualTo(5);
			assertThat(counter(registry, "actors.messages.processed", ActorBeans.OTHER))
				.as("the children's figures stay in their ancestor's group after they end")
				.isEqualTo(otherBefore);
		});
	}

	@Test
	void childActorsOfPrototypeActorsShouldBeCountedAsOther() {
		this.runner.withUserConfiguration(FamilyConfiguration.class).run((context) -> {
			MeterRegistry registry = bind(context);
			Bridge bridge = context.getBean(Bridge.class);
			ActorRef parent = context.getBean(ActorFactory.class).spawn(PrototypeParent.class, "proto-1");
			bridge.call(parent, new SpawnChild("child"), WAIT);
			assertThat(gauge(registry, "actors.live", "prototypeParent")).isEqualTo(1);
			assertThat(gauge(registry, "actors.live", ActorBeans.OTHER)).isEqualTo(1);
		});
	}

	@Test
	void countersShouldNotDecreaseWhenActorsEnd() {
		this.runner.run((context) -> {
			MeterRegistry registry = bind(context);
			ActorFactory factory = context.getBean(ActorFactory.class);
			Bridge bridge = context.getBean(Bridge.class);
			ActorRef first = factory.spawn(Counter.class, "counter-1");
			bridge.call(first, Work.OK, WAIT);
			bridge.call(first, Work.OK, WAIT);
			await().atMost(WAIT).until(() -> counter(registry, "actors.messages.processed", "counter") == 2);
			long timeBefore = (long) timer(registry, "counter").totalTime(TimeUnit.NANOSECONDS);
			assertThat(bridge.stop(List.of(first), WAIT)).doesNotContainNull();
			await().atMost(WAIT).until(() -> gauge(registry, "actors.live", "counter") == 0);
			double afterStop = counter(registry, "actors.messages.processed", "counter");
			assertThat(afterStop).isGreaterThanOrEqualTo(2);
			assertThat(timer(registry, "counter").count()).isEqualTo(afterStop);
			assertThat((long) timer(registry, "counter").totalTime(TimeUnit.NANOSECONDS))
				.isGreaterThanOrEqualTo(timeBefore);
			bridge.call(factory.spawn(Counter.class, "counter-2"), Work.OK, WAIT);
			await().atMost(WAIT)
				.until(() -> counter(registry, "actors.messages.processed", "counter") == afterStop + 1);
		});
	}

	@Test
	void countersShouldNotDecreaseWhenActorFails() {
		this.runner.run((context) -> {
			MeterRegistry registry = bind(context);
			lookup(context, "fragile").send(Work.FAIL);
			await().atMost(WAIT).until(() -> context.getBean(ActorBeans.class).failedActors().contains("fragile"));
			assertThat(counter(registry, "actors.messages.processed", "fragile")).isEqualTo(1);
			assertThat(counter(registry, "actors.messages.failed", "fragile")).isEqualTo(1);
			assertThat(gauge(registry, "actors.live", "fragile")).isZero();
		});
	}

	@Test
	void deadLettersShouldBeCountedByRecipientTagAndReason() {
		this.runner.run((context) -> {
			MeterRegistry registry = bind(context);
			CountDownLatch release = context.getBean(CountDownLatch.class);
			ActorRef blocker = lookup(context, "blocker");
			blocker.send(new Block());
			blocker.send(new Stop());
			blocker.send(new Block());
			blocker.send(new Block());
			release.countDown();
			await().atMost(WAIT).until(() -> deadLetters(registry, "blocker", "stopped") == 2);
			lookup(context, "worker").send("no handler takes a String");
			await().atMost(WAIT).until(() -> deadLetters(registry, "worker", "unhandled") == 1);
			assertThat(registry.find("actors.dead.letters").functionCounters()).allSatisfy((counter) -> {
				assertThat(counter.getId().getDescription()).isNotBlank();
				assertThat(counter.getId().getBaseUnit()).isEqualTo(BaseUnits.MESSAGES);
			});
		});
	}

	private static MeterRegistry bind(AssertableApplicationContext context) {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		ActorSystemMetrics metrics = new ActorSystemMetrics(context.getBean(ActorSystem.class),
				context.getBean(ActorBeans.class), Duration.ZERO);
		metrics.bindTo(registry);
		return registry;
	}

	private static ActorRef lookup(AssertableApplicationContext context, String name) {
		return context.getBean(ActorSystem.class).lookup(name).orElseThrow();
	}

	/** The sum of the counters of a name and tag, whatever their other tags. */
	private static double counter(MeterRegistry registry, String name, String tag) {
		Collection<FunctionCounter> counters = registry.find(name).tag("actor", tag).functionCounters();
		assertThat(counters).as("%s{actor=%s}", name, tag).isNotEmpty();
		return counters.stream().mapToDouble(FunctionCounter::count).sum();
	}

	private static double processed(MeterRegistry registry, String tag, String outcome) {
		FunctionCounter counter = registry.find("actors.messages.processed")
			.tag("actor", tag)
			.tag("outcome", outcome)
			.functionCounter();
		assertThat(counter).as("actors.messages.processed{actor=%s,outcome=%s}", tag, outcome).isNotNull();
		return counter.count();
	}

	private static double deadLetters(MeterRegistry registry, String tag, String reason) {
		FunctionCounter counter = registry.find("actors.dead.letters")
			.tag("actor", tag)
			.tag("reason", reason)
			.functionCounter();
		return (counter != null) ? counter.count() : 0;
	}

	private static double gauge(MeterRegistry registry, String name, String tag) {
		Gauge gauge = registry.find(name).tag("actor", tag).gauge();
		assertThat(gauge).as("%s{actor=%s}", name, tag).isNotNull();
		return gauge.value();
	}

	private static FunctionTimer timer(MeterRegistry registry, String tag) {
		FunctionTimer timer = registry.find("actors.processing").tag("actor", tag).functionTimer();
		assertThat(timer).isNotNull();
		return timer;
	}

	private static void assertDescribed(Meter.Id id, String baseUnit) {
		assertThat(id.getDescription()).isNotBlank();
		assertThat(id.getBaseUnit()).isEqualTo(baseUnit);
	}

	@Configuration(proxyBeanMethods = false)
	static class MeterRegistryConfiguration {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	/** A prototype actor bean whose class has the simple name of {@link Counter}'s. */
	@Configuration(proxyBeanMethods = false)
	static class OtherCounterConfiguration {

		@Bean
		@Scope("prototype")
		@Actor
		io.actorbeans.boot.actuate.other.Counter otherCounter() {
			return new io.actorbeans.boot.actuate.other.Counter();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomMetricsConfiguration {

		@Bean
		ActorSystemMetrics customActorSystemMetrics(ActorSystem actorSystem, ActorBeans actorBeans) {
			return new ActorSystemMetrics(actorSystem, actorBeans);
		}

	}

}
