package io.actorbeans.boot.observation;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.actorbeans.ActorRef;
import io.actorbeans.ActorStoppedException;
import io.actorbeans.ActorSystem;
import io.actorbeans.Bridge;
import io.actorbeans.CallTimeoutException;
import io.actorbeans.HandlerFailedException;
import io.actorbeans.Handles;
import io.actorbeans.UnhandledMessageException;
import io.actorbeans.boot.Actor;
import io.actorbeans.boot.ActorComponent;
import io.actorbeans.boot.ActorFactory;
import io.actorbeans.boot.Periodic;
import io.actorbeans.boot.autoconfigure.ActorAutoConfiguration;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ActorObservationAutoConfiguration} and
 * {@link ActorContextPropagationAutoConfiguration}: what they switch on, the keys of the
 * observations, and their conventions.
 */
@Timeout(60)
class ActorObservationAutoConfigurationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ActorAutoConfiguration.class,
				ActorContextPropagationAutoConfiguration.class, ActorObservationAutoConfiguration.class))
		.withUserConfiguration(ObservedActors.class);

	@Test
	void nothingIsPropagatedOrObservedByDefault() {
		this.contextRunner.run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			assertThat(system.settings().contextPropagator()).isNull();
			assertThat(system.settings().messageObserver()).isNull();
			assertThat(context.getBean(Bridge.class)).isNotInstanceOf(ObservedBridge.class);
			StoppedObservations registry = context.getBean(StoppedObservations.class);
			context.getBean(Bridge.class).call(actor(context, "greeter"), "Ada", TIMEOUT);
			assertThat(registry.contexts).isEmpty();
		});
	}

	@Test
	void propagateContextSetsAContextSnapshotPropagator() {
		this.contextRunner.withPropertyValues("actorbeans.propagate-context=true")
			.run((context) -> assertThat(context.getBean(ActorSystem.class).settings().contextPropagator())
				.isInstanceOf(ContextSnapshotPropagator.class));
	}

	@Test
	void propagateContextWithoutTheLibraryBacksOff() {
		this.contextRunner.withPropertyValues("actorbeans.propagate-context=true")
			.withClassLoader(new FilteredClassLoader("io.micrometer.context"))
			.run((context) -> assertThat(context.getBean(ActorSystem.class).settings().contextPropagator()).isNull());
	}

	@Test
	void observationsWithoutAnObservationRegistryBackOff() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ActorAutoConfiguration.class, ActorObservationAutoConfiguration.class))
			.withPropertyValues("actorbeans.observations.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(ActorSystem.class).settings().messageObserver()).isNull();
				assertThat(context.getBean(Bridge.class)).isNotInstanceOf(ObservedBridge.class);
			});
	}

	@Test
	void observedBridgeWhenUserDefinesABridgeShouldBackOff() {
		this.contextRunner.withPropertyValues("actorbeans.observations.enabled=true")
			.withBean("userBridge", Bridge.class, () -> new ActorSystemBridge())
			.run((context) -> assertThat(context).getBean(Bridge.class).isInstanceOf(ActorSystemBridge.class));
	}

	@Test
	void eachHandledMessageIsObservedWithItsOutcome() {
		this.contextRunner.withPropertyValues("actorbeans.observations.enabled=true").run((context) -> {
			StoppedObservations registry = context.getBean(StoppedObservations.class);
			Bridge bridge = context.getBean(Bridge.class);
			ActorRef greeter = actor(context, "greeter");
			bridge.call(greeter, "Ada", TIMEOUT);
			assertThatExceptionOfType(HandlerFailedException.class).isThrownBy(() -> bridge.call(greeter, 13, TIMEOUT));
			assertThatExceptionOfType(UnhandledMessageException.class)
				.isThrownBy(() -> bridge.call(greeter, 2.5, TIMEOUT));
			await().atMost(TIMEOUT).untilAsserted(() -> assertThat(processes(registry)).hasSize(3));
			assertThat(processes(registry)).first().satisfies((process) -> {
				assertThat(process.getContextualName()).isEqualTo("process String");
				assertThat(process.getHighCardinalityKeyValue("actor.name").getValue()).isEqualTo("greeter");
			});
			assertThat(processes(registry)).extracting((process) -> process.getLowCardinalityKeyValues())
				.containsExactlyInAnyOrder(messageKeys("java.lang.String", "success", "none"),
						messageKeys("java.lang.Integer", "failure", "IllegalArgumentException"),
						messageKeys("java.lang.Double", "unhandled", "none"));
		});
	}

	@Test
	void prototypeActorsAreObservedWithTheirBeanNameAsTheActorKey() {
		this.contextRunner.withPropertyValues("actorbeans.observations.enabled=true").run((context) -> {
			StoppedObservations registry = context.getBean(StoppedObservations.class);
			ActorRef session = context.getBean(ActorFactory.class).spawn(Session.class, "session-42");
			context.getBean(Bridge.class).call(session, "hello", TIMEOUT);
			await().atMost(TIMEOUT).untilAsserted(() -> assertThat(processes(registry)).anySatisfy((process) -> {
				assertThat(process.getLowCardinalityKeyValue("actor").getValue()).isEqualTo("session");
				assertThat(process.getHighCardinalityKeyValue("actor.name").getValue()).isEqualTo("session-42");
			}));
		});
	}

	@Test
	void periodicTicksAreObservedLikeScheduledRuns() {
		this.contextRunner.withPropertyValues("actorbeans.observations.enabled=true")
			.withUserConfiguration(TickingConfiguration.class)
			.run((context) -> {
				StoppedObservations registry = context.getBean(StoppedObservations.class);
				context.getBean(CountDownLatch.class).await(5, TimeUnit.SECONDS);
				await().atMost(TIMEOUT).untilAsserted(() -> assertThat(processes(registry)).anySatisfy((process) -> {
					assertThat(process.getLowCardinalityKeyValue("actor").getValue()).isEqualTo("ticker");
					assertThat(process.getLowCardinalityKeyValue("message.type").getValue())
						.isEqualTo(Tick.class.getName());
					assertThat(process.getParentObservation()).isNull();
				}));
			});
	}

	@Test
	void bridgeCallsAreObservedWithTheirOutcome() {
		this.contextRunner.withPropertyValues("actorbeans.observations.enabled=true").run((context) -> {
			StoppedObservations registry = context.getBean(StoppedObservations.class);
			Bridge bridge = context.getBean(Bridge.class);
			ActorRef greeter = actor(context, "greeter");
			ActorRef sleeper = actor(context, "sleeper");
			assertThat(bridge.<String>call(greeter, "Ada", TIMEOUT)).isEqualTo("Hello, Ada");
			assertThatExceptionOfType(HandlerFailedException.class).isThrownBy(() -> bridge.call(greeter, 13, TIMEOUT));
			assertThatExceptionOfType(CallTimeoutException.class)
				.isThrownBy(() -> bridge.call(sleeper, 200L, Duration.ofMillis(20)));
			assertThat(bridge.<String>call(sleeper, 200L, Duration.ofMillis(20), "late")).isEqualTo("late");
			CompletableFuture<String> asked = bridge.ask(greeter, "Grace");
			assertThat(asked.get(5, TimeUnit.SECONDS)).isEqualTo("Hello, Grace");
			assertThat(bridge.multiCall(List.of(new Bridge.Request(greeter, "Ada"), new Bridge.Request(sleeper, 1L)),
					TIMEOUT, null))
				.containsExactly("Hello, Ada", "slept");
			assertThat(bridge.stop(List.of(sleeper), TIMEOUT)).doesNotContainNull();
			assertThatExceptionOfType(ActorStoppedException.class).isThrownBy(() -> bridge.call(sleeper, 1L, TIMEOUT));
			await().atMost(TIMEOUT).untilAsserted(() -> assertThat(calls(registry)).hasSize(7));
			assertThat(calls(registry)).extracting((call) -> call.getLowCardinalityKeyValues())
				.containsExactlyInAnyOrder(bridgeKeys("greeter", "call", "success"),
						bridgeKeys("greeter", "call", "failure"), bridgeKeys("sleeper", "call", "timeout"),
						bridgeKeys("sleeper", "call", "timeout"), bridgeKeys("greeter", "ask", "success"),
						bridgeKeys(DefaultBridgeCallObservationConvention.SEVERAL_ACTORS, "multi_call", "success"),
						bridgeKeys("sleeper", "call", "stopped"));
			assertThat(calls(registry)).extracting((call) -> call.getContextualName())
				.contains("call greeter", "ask greeter", "multi_call several");
		});
	}

	@Test
	void theHandlersObservationIsAChildOfTheBridgeCalls() {
		this.contextRunner
			.withPropertyValues("actorbeans.observations.enabled=true", "actorbeans.propagate-context=true")
			.run((context) -> {
				StoppedObservations registry = context.getBean(StoppedObservations.class);
				context.getBean(Bridge.class).call(actor(context, "greeter"), "Ada", TIMEOUT);
				await().atMost(TIMEOUT).untilAsserted(() -> assertThat(processes(registry)).hasSize(1));
				assertThat(processes(registry).get(0).getParentObservation()).isNotNull()
					.satisfies(
							(parent) -> assertThat(parent.getContextView().getName()).isEqualTo("actors.bridge.call"));
			});
	}

	@Test
	void conventionBeansReplaceTheDefaults() {
		this.contextRunner.withPropertyValues("actorbeans.observations.enabled=true")
			.withUserConfiguration(CustomConventions.class)
			.run((context) -> {
				StoppedObservations registry = context.getBean(StoppedObservations.class);
				context.getBean(Bridge.class).call(actor(context, "greeter"), "Ada", TIMEOUT);
				await().atMost(TIMEOUT).untilAsserted(() -> {
					assertThat(named(registry, "shop.actor.message")).singleElement().satisfies((process) -> {
						assertThat(process.getLowCardinalityKeyValue("actor").getValue()).isEqualTo("greeter");
						assertThat(process.getLowCardinalityKeyValue("team").getValue()).isEqualTo("orders");
					});
					assertThat(named(registry, "shop.bridge.call")).singleElement()
						.satisfies((call) -> assertThat(call.getLowCardinalityKeyValue("operation").getValue())
							.isEqualTo("call"));
				});
			});
	}

	@Test
	void withAMeterObservationHandlerEachMessageIsTimedByAHistogramCapableTimer() {
		this.contextRunner.withPropertyValues("actorbeans.observations.enabled=true")
			.withUserConfiguration(MeterObservations.class)
			.run((context) -> {
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				context.getBean(ObservationRegistry.class)
					.observationConfig()
					.observationHandler(new DefaultMeterObservationHandler(meters));
				Bridge bridge = context.getBean(Bridge.class);
				for (int i = 0; i < 10; i++) {
					bridge.call(actor(context, "greeter"), "Ada", TIMEOUT);
				}
				await().atMost(TIMEOUT).untilAsserted(() -> {
					Timer timer = meters.find("actors.message.process")
						.tag("actor", "greeter")
						.tag("outcome", "success")
						.timer();
					assertThat(timer).isNotNull();
					assertThat(timer.count()).isEqualTo(10);
				});
			});
	}

	private static ActorRef actor(AssertableApplicationContext context, String name) {
		return BeanFactoryAnnotationUtils.qualifiedBeanOfType(context.getBeanFactory(), ActorRef.class, name);
	}

	private static List<Observation.Context> processes(StoppedObservations registry) {
		return named(registry, DefaultActorMessageObservationConvention.NAME);
	}

	private static List<Observation.Context> calls(StoppedObservations registry) {
		return named(registry, DefaultBridgeCallObservationConvention.NAME);
	}

	private static List<Observation.Context> named(StoppedObservations registry, String name) {
		return registry.contexts.stream().filter((observed) -> name.equals(observed.getName())).toList();
	}

	/** Records the context of every observation that stops. */
	static class StoppedObservations implements ObservationHandler<Observation.Context> {

		final Queue<Observation.Context> contexts = new ConcurrentLinkedQueue<>();

		@Override
		public void onStop(Observation.Context context) {
			this.contexts.add(context);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

	private static KeyValues messageKeys(String type, String outcome, String exception) {
		return KeyValues.of(KeyValue.of("actor", "greeter"), KeyValue.of("message.type", type),
				KeyValue.of("outcome", outcome), KeyValue.of("exception", exception));
	}

	private static KeyValues bridgeKeys(String actor, String operation, String outcome) {
		return KeyValues.of(KeyValue.of("actor", actor), KeyValue.of("operation", operation),
				KeyValue.of("outcome", outcome));
	}

	enum Tick {

		TICK

	}

	@ActorComponent("greeter")
	static class Greeter {

		@Handles
		String greet(String name) {
			return "Hello, " + name;
		}

		@Handles
		void fail(Integer number) {
			throw new IllegalArgumentException("no numbers: " + number);
		}

	}

	@ActorComponent("sleeper")
	static class Sleeper {

		@Handles
		String sleep(Long millis) throws InterruptedException {
			Thread.sleep(millis);
			return "slept";
		}

	}

	static class Session {

		@Handles
		String on(String message) {
			return message;
		}

	}

	static class Ticker {

		private final CountDownLatch ticked;

		Ticker(CountDownLatch ticked) {
			this.ticked = ticked;
		}

		@Periodic(interval = "20ms")
		@Handles
		void onTick(Tick tick) {
			this.ticked.countDown();
		}

	}

	/** A Bridge of the application's own. */
	static final class ActorSystemBridge implements Bridge {

		@Override
		public <T> T call(ActorRef target, Object request) {
			throw new UnsupportedOperationException();
		}

		@Override
		public <T> T call(ActorRef target, Object request, Duration timeout) {
			throw new UnsupportedOperationException();
		}

		@Override
		public <T> T call(ActorRef target, Object request, Duration timeout, T defaultValue) {
			throw new UnsupportedOperationException();
		}

		@Override
		public <T> CompletableFuture<T> ask(ActorRef target, Object request) {
			throw new UnsupportedOperationException();
		}

		@Override
		public <T> CompletableFuture<T> ask(ActorRef target, Object request, Duration timeout) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<Object> multiCall(List<Request> requests, Duration timeout, Object defaultValue) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<io.actorbeans.Stopped> stop(List<ActorRef> actors, Duration timeout) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void send(ActorRef target, Object message) {
			throw new UnsupportedOperationException();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import({ Greeter.class, Sleeper.class })
	static class ObservedActors {

		@Bean
		StoppedObservations stoppedObservations() {
			return new StoppedObservations();
		}

		@Bean
		ObservationRegistry observationRegistry(StoppedObservations stoppedObservations) {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(stoppedObservations);
			return registry;
		}

		@Bean
		@Scope("prototype")
		@Actor
		Session session() {
			return new Session();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TickingConfiguration {

		@Bean
		CountDownLatch ticked() {
			return new CountDownLatch(2);
		}

		@Bean
		@Actor
		Ticker ticker(CountDownLatch ticked) {
			return new Ticker(ticked);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomConventions {

		@Bean
		ActorMessageObservationConvention actorMessageConvention() {
			return new DefaultActorMessageObservationConvention() {

				@Override
				public String getName() {
					return "shop.actor.message";
				}

				@Override
				public KeyValues getLowCardinalityKeyValues(ActorMessageObservationContext context) {
					return super.getLowCardinalityKeyValues(context).and("team", "orders");
				}

			};
		}

		@Bean
		BridgeCallObservationConvention bridgeCallConvention() {
			return new DefaultBridgeCallObservationConvention() {

				@Override
				public String getName() {
					return "shop.bridge.call";
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MeterObservations {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
