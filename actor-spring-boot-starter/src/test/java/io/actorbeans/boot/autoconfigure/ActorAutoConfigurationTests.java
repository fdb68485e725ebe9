package io.actorbeans.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.actorbeans.ActorContext;
import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.ActorSystemSettings;
import io.actorbeans.Bridge;
import io.actorbeans.CallTimeoutException;
import io.actorbeans.Dispatcher;
import io.actorbeans.FailurePolicy;
import io.actorbeans.Handles;
import io.actorbeans.ShutdownReport;
import io.actorbeans.SpawnOptions;
import io.actorbeans.boot.Actor;
import io.actorbeans.boot.ActorBeans;
import io.actorbeans.boot.ActorFactory;
import io.actorbeans.boot.DeadLetterEvent;
import io.actorbeans.test.VirtualTime;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link ActorAutoConfiguration}: its beans, their back-off, and the
 * {@code actorbeans.*} properties.
 */
@Timeout(30)
class ActorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ActorAutoConfiguration.class));

	@Test
	void autoConfigurationCreatesActorSystemAndItsBeans() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(ActorSystem.class)
				.hasSingleBean(Bridge.class)
				.hasSingleBean(ActorFactory.class)
				.hasSingleBean(ActorBeans.class)
				.hasSingleBean(ActorSystemLifecycle.class)
				.hasSingleBean(ActorsProperties.class);
			ActorSystem system = context.getBean(ActorSystem.class);
			assertThat(system.isShutdown()).isFalse();
			assertThat(context.getBean(Bridge.class)).isSameAs(system.bridge());
			assertThat(context.getBean(ActorSystemLifecycle.class).isRunning()).isTrue();
		});
	}

	@Test
	void actorSystemWithoutPropertiesHasDefaultSettings() {
		this.contextRunner.run((context) -> assertThat(context.getBean(ActorSystem.class).settings())
			.isEqualTo(ActorSystemSettings.defaults()));
	}

	@Test
	void actorSystemWhenUserDefinesOneShouldBackOff() {
		this.contextRunner.withUserConfiguration(UserActorSystemConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ActorSystem.class).hasBean("userActorSystem");
			ActorSystem system = context.getBean(ActorSystem.class);
			assertThat(system.name()).isEqualTo("user-system");
			assertThat(context.getBean(Bridge.class)).isSameAs(system.bridge());
		});
	}

	@Test
	void actorSystemWhenUserDefinesOneShouldSpawnActorBeansOnIt() {
		this.contextRunner.withUserConfiguration(UserActorSystemConfiguration.class, EchoConfiguration.class)
			.run((context) -> {
				ActorSystem system = context.getBean(ActorSystem.class);
				assertThat(system.lookup("echo")).isPresent();
				ActorRef echo = context.getBean(EchoClient.class).echo();
				assertThat(system.bridge().<String>call(echo, "ping", Duration.ofSeconds(2))).isEqualTo("ping");
			});
	}

	@Test
	void actorSystemWhenContextHasAnActorSchedulerShouldRunItsTimersThere() {
		this.contextRunner.withBean(VirtualTime.class).run((context) -> {
			VirtualTime time = context.getBean(VirtualTime.class);
			ActorSystem system = context.getBean(ActorSystem.class);
			ActorRef timed = system.spawn("timed", new Object() {
				@Handles
				void onStart(String message, ActorContext actorContext) {
					actorContext.timers().startSingle("later", 1, Duration.ofHours(1));
				}

				@Handles
				void onTick(Integer tick) {
				}
			}, SpawnOptions.defaults().withDispatcher(Dispatcher.CALLING_THREAD));
			timed.send("start");
			assertThat(time.pendingTasks()).isOne();
			time.advance(Duration.ofHours(1));
			assertThat(time.pendingTasks()).isZero();
			assertThat(system.actor("timed").orElseThrow().signals()).isOne();
		});
	}

	@Test
	void bridgeWhenUserDefinesOneShouldBackOff() {
		this.contextRunner.withUserConfiguration(UserBridgeConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(Bridge.class).hasBean("userBridge").doesNotHaveBean("actorBridge");
		});
	}

	@Test
	void actorFactoryWhenUserDefinesOneShouldBackOff() {
		this.contextRunner.withUserConfiguration(UserActorFactoryConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ActorFactory.class)
				.hasBean("userActorFactory")
				.doesNotHaveBean("actorFactory");
			assertThat(context.getBean(ActorFactory.class)).isSameAs(UserActorFactoryConfiguration.FACTORY);
		});
	}

	@Test
	void actorBeansWhenUserDefinesOneShouldBackOff() {
		this.contextRunner.withUserConfiguration(UserActorBeansConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ActorBeans.class).hasBean("userActorBeans").doesNotHaveBean("actorBeans");
			assertThat(context.getBean(ActorBeans.class).tags()).contains("user-tag");
		});
	}

	@Test
	void actorSystemLifecycleWhenUserDefinesOneShouldBackOff() {
		this.contextRunner.withUserConfiguration(UserLifecycleConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ActorSystemLifecycle.class)
				.hasBean("userLifecycle")
				.doesNotHaveBean("actorSystemLifecycle");
		});
	}

	@Test
	void actorBeansKnowsTheTagsOfTheActorBeans() {
		this.contextRunner.withUserConfiguration(EchoConfiguration.class)
			.run((context) -> assertThat(context.getBean(ActorBeans.class).tags()).contains("echo", ActorBeans.OTHER));
	}

	@Test
	void everyPropertyBindsAndReachesTheSettings() {
		this.contextRunner
			.withPropertyValues("actorbeans.name=orders", "actorbeans.failure-policy=stop",
					"actorbeans.dispatcher.type=thread", "actorbeans.dispatcher.shared-pool-size=3",
					"actorbeans.dispatcher.throughput=7", "actorbeans.mailbox.capacity=100",
					"actorbeans.bridge.default-timeout=750ms", "actorbeans.shutdown.timeout=3s",
					"actorbeans.health.stall-threshold=45s")
			.run((context) -> {
				ActorsProperties properties = context.getBean(ActorsProperties.class);
				assertThat(properties.getName()).isEqualTo("orders");
				assertThat(properties.getFailurePolicy()).isEqualTo(FailurePolicy.STOP);
				assertThat(properties.getDispatcher().getType()).isEqualTo(Dispatcher.THREAD);
				assertThat(properties.getDispatcher().getSharedPoolSize()).isEqualTo(3);
				assertThat(properties.getDispatcher().getThroughput()).isEqualTo(7);
				assertThat(properties.getMailbox().getCapacity()).isEqualTo(100);
				assertThat(properties.getBridge().getDefaultTimeout()).isEqualTo(Duration.ofMillis(750));
				assertThat(properties.getShutdown().getTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(properties.getHealth().getStallThreshold()).isEqualTo(Duration.ofSeconds(45));
				assertThat(context.getBean(ActorSystem.class).settings())
					.isEqualTo(new ActorSystemSettings("orders", Dispatcher.THREAD, 3, 7, 100, FailurePolicy.STOP,
							Duration.ofMillis(750), Duration.ofSeconds(3), null, null, null));
			});
	}

	@Test
	void defaultDispatcherPropertyReachesActorBeans() {
		this.contextRunner.withUserConfiguration(EchoConfiguration.class)
			.withPropertyValues("actorbeans.dispatcher.type=thread")
			.run((context) -> {
				ActorSystem system = context.getBean(ActorSystem.class);
				assertThat(system.actor("echo"))
					.hasValueSatisfying((info) -> assertThat(info.dispatcher()).isEqualTo(Dispatcher.THREAD));
				String thread = system.bridge()
					.call(context.getBean(EchoClient.class).echo(), new WhichThread(), Duration.ofSeconds(2));
				assertThat(thread).isEqualTo("actors-actor-echo");
			});
	}

	@Test
	void bridgeDefaultTimeoutPropertyBoundsCallsWithoutTimeout() {
		this.contextRunner.withUserConfiguration(EchoConfiguration.class)
			.withPropertyValues("actorbeans.bridge.default-timeout=200ms")
			.run((context) -> {
				Bridge bridge = context.getBean(Bridge.class);
				ActorRef echo = context.getBean(EchoClient.class).echo();
				long start = System.nanoTime();
				Object reply = bridge.call(echo, new Sleep(1500), Duration.ofMillis(200), "late");
				assertThat(reply).isEqualTo("late");
				assertThatExceptionOfType(CallTimeoutException.class)
					.isThrownBy(() -> bridge.call(echo, new Sleep(10)));
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1400));
			});
	}

	@Test
	void shutdownTimeoutPropertyBoundsTheContextClose() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		try {
			this.contextRunner.withUserConfiguration(StuckConfiguration.class)
				.withBean(CountDownLatch.class, () -> release)
				.withPropertyValues("actorbeans.shutdown.timeout=300ms")
				.run((context) -> {
					ActorRef stuck = context.getBean(StuckClient.class).stuck();
					StuckActor.entered = new CountDownLatch(1);
					stuck.send("block");
					assertThat(StuckActor.entered.await(5, TimeUnit.SECONDS)).isTrue();
					ActorSystem system = context.getBean(ActorSystem.class);
					long start = System.nanoTime();
					context.close();
					assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
					assertThat(system.isShutdown()).isTrue();
				});
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void shutdownTimeoutIsAtMostTheTimeoutPerShutdownPhase() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		try {
			this.contextRunner.withConfiguration(AutoConfigurations.of(LifecycleAutoConfiguration.class))
				.withUserConfiguration(StuckConfiguration.class)
				.withBean(CountDownLatch.class, () -> release)
				.withPropertyValues("actorbeans.shutdown.timeout=20s",
						"spring.lifecycle.timeout-per-shutdown-phase=300ms")
				.run((context) -> {
					ActorRef stuck = context.getBean(StuckClient.class).stuck();
					StuckActor.entered = new CountDownLatch(1);
					stuck.send("block");
					assertThat(StuckActor.entered.await(5, TimeUnit.SECONDS)).isTrue();
					ActorSystem system = context.getBean(ActorSystem.class);
					context.close();
					ShutdownReport report = system.whenTerminated().toCompletableFuture().join();
					assertThat(report.actorsNotStopped()).containsExactly("stuck");
					assertThat(report.took()).isLessThan(Duration.ofSeconds(10));
				});
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void virtualThreadsSwitchOnJava21MakesVirtualTheDefaultDispatcher() {
		assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21");
		this.contextRunner.withUserConfiguration(EchoConfiguration.class)
			.withPropertyValues("spring.threads.virtual.enabled=true", "spring.application.name=shop")
			.run((context) -> {
				ActorSystem system = context.getBean(ActorSystem.class);
				assertThat(system.settings().dispatcher()).isEqualTo(Dispatcher.VIRTUAL);
				String thread = system.bridge()
					.call(context.getBean(EchoClient.class).echo(), new WhichThread(), Duration.ofSeconds(2));
				assertThat(thread).matches("shop-virtual-\\d+");
			});
	}

	@Test
	void virtualThreadsSwitchBeforeJava21KeepsTheSharedDispatcher() {
		assumeTrue(Runtime.version().feature() < 21, "virtual threads are available on this JVM");
		this.contextRunner.withPropertyValues("spring.threads.virtual.enabled=true")
			.run((context) -> assertThat(context.getBean(ActorSystem.class).settings().dispatcher())
				.isEqualTo(Dispatcher.SHARED));
	}

	@Test
	void dispatcherPropertyWinsOverTheVirtualThreadsSwitch() {
		this.contextRunner
			.withPropertyValues("spring.threads.virtual.enabled=true", "actorbeans.dispatcher.type=thread")
			.run((context) -> assertThat(context.getBean(ActorSystem.class).settings().dispatcher())
				.isEqualTo(Dispatcher.THREAD));
	}

	@Test
	void settingsCustomizersApplyInOrderAfterTheProperties() {
		this.contextRunner.withUserConfiguration(CustomizersConfiguration.class)
			.withPropertyValues("actorbeans.name=orders", "actorbeans.dispatcher.throughput=7")
			.run((context) -> {
				ActorSystemSettings settings = context.getBean(ActorSystem.class).settings();
				assertThat(settings.name()).isEqualTo("orders-first-second");
				assertThat(settings.throughput()).isEqualTo(8);
			});
	}

	@Test
	void settingsCustomizerThatReturnsNullFailsStartupNamingIt() {
		this.contextRunner.withBean(NullCustomizer.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(rootCause(context.getStartupFailure())).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining(NullCustomizer.class.getName())
				.hasMessageContaining("returned null");
		});
	}

	@Test
	void deadLetterEventsArePublishedWithLazyInitialization() {
		DeadLetterEvents events = new DeadLetterEvents();
		this.contextRunner.withUserConfiguration(EchoConfiguration.class)
			.withInitializer(
					(context) -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
			.withBean(DeadLetterEvents.class, () -> events)
			.run((context) -> {
				assertThat(context.getBeanFactory().getBeanDefinition("actorSystem").isLazyInit()).isTrue();
				ActorRef echo = context.getBean(EchoClient.class).echo();
				echo.send(42);
				Awaitility.await()
					.atMost(Duration.ofSeconds(5))
					.untilAsserted(() -> assertThat(events.received).singleElement()
						.satisfies((event) -> assertThat(event.getDeadLetter().message()).isEqualTo(42)));
			});
	}

	@Test
	void systemNameDefaultsToApplicationName() {
		this.contextRunner.withPropertyValues("spring.application.name=shop")
			.run((context) -> assertThat(context.getBean(ActorSystem.class).name()).isEqualTo("shop"));
	}

	@Test
	void systemNameWithoutApplicationNameIsActors() {
		this.contextRunner.run((context) -> assertThat(context.getBean(ActorSystem.class).name()).isEqualTo("actors"));
	}

	@Test
	void systemNamePropertyWinsOverApplicationName() {
		this.contextRunner.withPropertyValues("spring.application.name=shop", "actorbeans.name=orders")
			.run((context) -> assertThat(context.getBean(ActorSystem.class).name()).isEqualTo("orders"));
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			actorbeans.dispatcher.throughput       | 0    | at least 1 message
			actorbeans.dispatcher.throughput       | -5   | at least 1 message
			actorbeans.dispatcher.shared-pool-size | 0    | at least 1 thread
			actorbeans.dispatcher.shared-pool-size | -2   | at least 1 thread
			actorbeans.mailbox.capacity            | -1   | 0 (unbounded) or more
			actorbeans.bridge.default-timeout      | 0s   | must be positive
			actorbeans.bridge.default-timeout      | -1s  | must be positive
			actorbeans.shutdown.timeout            | 0ms  | must be positive
			actorbeans.shutdown.timeout            | -2s  | must be positive
			actorbeans.health.stall-threshold      | 0s   | must be positive
			actorbeans.health.stall-threshold      | -1m  | must be positive
			""")
	void invalidPropertyValueFailsStartupNamingPropertyAndAcceptedValues(String property, String value,
			String accepted) {
		this.contextRunner.withPropertyValues(property + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			assertThat(failure).hasRootCauseInstanceOf(InvalidConfigurationPropertyValueException.class);
			InvalidConfigurationPropertyValueException invalid = (InvalidConfigurationPropertyValueException) rootCause(
					failure);
			assertThat(invalid.getName()).isEqualTo(property);
			assertThat(invalid.getReason()).contains(accepted);
			FailureAnalysis analysis = FailureAnalyses.analyze(failure);
			assertThat(analysis).as(FailureAnalyses.describe(analysis)).isNotNull();
			assertThat(analysis.getDescription()).contains(property).contains(accepted);
		});
	}

	@Test
	void unknownDispatcherFailsStartupListingTheValidValues() {
		this.contextRunner.withPropertyValues("actorbeans.dispatcher.type=fast").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
			assertThat(analysis).as(FailureAnalyses.describe(analysis)).isNotNull();
			assertThat(analysis.getDescription()).contains("actorbeans.dispatcher.type").contains("fast");
			assertThat(analysis.getAction()).contains("SHARED", "VIRTUAL", "THREAD");
		});
	}

	@Test
	void unknownFailurePolicyFailsStartupListingTheValidValues() {
		this.contextRunner.withPropertyValues("actorbeans.failure-policy=sometimes").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
			assertThat(analysis).as(FailureAnalyses.describe(analysis)).isNotNull();
			assertThat(analysis.getDescription()).contains("actorbeans.failure-policy").contains("sometimes");
			assertThat(analysis.getAction()).contains("RESUME", "STOP", "RESTART");
		});
	}

	@Test
	void dispatcherNamesBindInAnyCase() {
		this.contextRunner.withPropertyValues("actorbeans.dispatcher.type=Thread")
			.run((context) -> assertThat(context.getBean(ActorSystem.class).settings().dispatcher())
				.isEqualTo(Dispatcher.THREAD));
	}

	@Test
	void callingThreadDispatcherBindsFromItsConfigName() {
		this.contextRunner.withPropertyValues("actorbeans.dispatcher.type=calling-thread")
			.run((context) -> assertThat(context.getBean(ActorSystem.class).settings().dispatcher())
				.isEqualTo(Dispatcher.CALLING_THREAD));
	}

	@Test
	void virtualDispatcherPropertyBeforeJava21FailsStartupNamingPropertyAndAcceptedValues() {
		assumeTrue(Runtime.version().feature() < 21, "virtual threads are available on this JVM");
		this.contextRunner.withPropertyValues("actorbeans.dispatcher.type=virtual").run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			assertThat(failure).hasRootCauseInstanceOf(InvalidConfigurationPropertyValueException.class);
			assertThat(((InvalidConfigurationPropertyValueException) rootCause(failure)).getName())
				.isEqualTo("actorbeans.dispatcher.type");
			FailureAnalysis analysis = FailureAnalyses.analyze(failure);
			assertThat(analysis).as(FailureAnalyses.describe(analysis)).isNotNull();
			assertThat(analysis.getDescription()).contains("actorbeans.dispatcher.type")
				.contains("Java 21")
				.contains("shared, thread");
		});
	}

	@Test
	void virtualDispatcherPropertyOnJava21RunsActorsOnVirtualThreads() {
		assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21");
		this.contextRunner.withUserConfiguration(EchoConfiguration.class)
			.withPropertyValues("actorbeans.dispatcher.type=virtual")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ActorSystem system = context.getBean(ActorSystem.class);
				assertThat(system.settings().dispatcher()).isEqualTo(Dispatcher.VIRTUAL);
				Boolean virtual = system.bridge()
					.call(context.getBean(EchoClient.class).echo(), new IsVirtual(), Duration.ofSeconds(2));
				assertThat(virtual).isTrue();
			});
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	record WhichThread() {
	}

	record IsVirtual() {
	}

	record Sleep(long millis) {
	}

	static class Echo {

		@Handles
		String echo(String text) {
			return text;
		}

		@Handles
		String thread(WhichThread request) {
			return Thread.currentThread().getName();
		}

		@Handles
		Boolean isVirtual(IsVirtual request) throws ReflectiveOperationException {
			return (Boolean) Thread.class.getMethod("isVirtual").invoke(Thread.currentThread());
		}

		@Handles
		String sleep(Sleep request) throws InterruptedException {
			Thread.sleep(request.millis());
			return "slept";
		}

	}

	record EchoClient(ActorRef echo) {
	}

	@Configuration(proxyBeanMethods = false)
	static class EchoConfiguration {

		@Bean
		@Actor
		Echo echo() {
			return new Echo();
		}

		@Bean
		EchoClient echoClient(@Qualifier("echo") ActorRef echo) {
			return new EchoClient(echo);
		}

	}

	static class StuckActor {

		static volatile CountDownLatch entered = new CountDownLatch(1);

		private final CountDownLatch release;

		StuckActor(CountDownLatch release) {
			this.release = release;
		}

		@Handles
		void block(String message) throws InterruptedException {
			entered.countDown();
			this.release.await(20, TimeUnit.SECONDS);
		}

	}

	record StuckClient(ActorRef stuck) {
	}

	@Configuration(proxyBeanMethods = false)
	static class StuckConfiguration {

		@Bean
		@Actor
		StuckActor stuck(CountDownLatch release) {
			return new StuckActor(release);
		}

		@Bean
		StuckClient stuckClient(@Qualifier("stuck") ActorRef stuck) {
			return new StuckClient(stuck);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizersConfiguration {

		@Bean
		SecondCustomizer secondCustomizer() {
			return new SecondCustomizer();
		}

		@Bean
		FirstCustomizer firstCustomizer() {
			return new FirstCustomizer();
		}

	}

	static class DeadLetterEvents implements ApplicationListener<DeadLetterEvent> {

		final List<DeadLetterEvent> received = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(DeadLetterEvent event) {
			this.received.add(event);
		}

	}

	@Order(1)
	static class FirstCustomizer implements ActorSystemSettingsCustomizer {

		@Override
		public ActorSystemSettings customize(ActorSystemSettings settings) {
			return settings.withName(settings.name() + "-first").withThroughput(settings.throughput() + 1);
		}

	}

	@Order(2)
	static class SecondCustomizer implements ActorSystemSettingsCustomizer {

		@Override
		public ActorSystemSettings customize(ActorSystemSettings settings) {
			return settings.withName(settings.name() + "-second");
		}

	}

	static class NullCustomizer implements ActorSystemSettingsCustomizer {

		@Override
		public ActorSystemSettings customize(ActorSystemSettings settings) {
			return null;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserActorSystemConfiguration {

		@Bean
		ActorSystem userActorSystem() {
			return ActorSystem.create(ActorSystemSettings.defaults().withName("user-system"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserBridgeConfiguration {

		@Bean
		Bridge userBridge(ActorSystem system) {
			return system.bridge();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserActorFactoryConfiguration {

		static final ActorFactory FACTORY = (type, name) -> {
			throw new UnsupportedOperationException();
		};

		@Bean
		ActorFactory userActorFactory() {
			return FACTORY;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserActorBeansConfiguration {

		@Bean
		ActorBeans userActorBeans() {
			return new ActorBeans(Set.of("user-tag"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserLifecycleConfiguration {

		@Bean
		ActorSystemLifecycle userLifecycle(ActorSystem system) {
			return new ActorSystemLifecycle(system, Duration.ofSeconds(1));
		}

	}

}
