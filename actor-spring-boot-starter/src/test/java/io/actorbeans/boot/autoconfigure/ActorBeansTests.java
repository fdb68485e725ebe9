package io.actorbeans.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.actorbeans.ActorRef;
import io.actorbeans.ActorState;
import io.actorbeans.ActorSystem;
import io.actorbeans.Bridge;
import io.actorbeans.DeadLetter;
import io.actorbeans.Dispatcher;
import io.actorbeans.DispatcherUnavailableException;
import io.actorbeans.FailurePolicy;
import io.actorbeans.HandlerFailedException;
import io.actorbeans.Handles;
import io.actorbeans.InvalidBehaviorException;
import io.actorbeans.MailboxFullException;
import io.actorbeans.Stopped;
import io.actorbeans.boot.Actor;
import io.actorbeans.boot.ActorBeans;
import io.actorbeans.boot.DeadLetterEvent;
import io.actorbeans.boot.autoconfigure.scan.ScannedGreeter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ContextAnnotationAutowireCandidateResolver;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for singleton {@link Actor @Actor} beans: spawning, injection of their
 * {@link ActorRef}, their options, confinement, startup failures, dead-letter events and
 * the life of the actor system with the application context.
 */
@Timeout(30)
class ActorBeansTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ActorAutoConfiguration.class));

	@Test
	void singletonActorBeanIsSpawnedAtStartupWithItsDependencies() {
		this.contextRunner.withUserConfiguration(GreeterConfiguration.class).run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			assertThat(system.actor("greeter"))
				.hasValueSatisfying((info) -> assertThat(info.state()).isEqualTo(ActorState.RUNNING));
			ActorRef greeter = context.getBean(GreeterClient.class).greeter();
			assertThat(greeter.name()).isEqualTo("greeter");
			assertThat(system.lookup("greeter")).containsSame(greeter);
			assertThat(context.getBean(Bridge.class).<String>call(greeter, "Ada", TIMEOUT)).isEqualTo("Hello, Ada");
		});
	}

	@Test
	void singletonActorBeanIsSpawnedEvenWhenNothingInjectsItsRef() {
		this.contextRunner.withUserConfiguration(LonelyGreeterConfiguration.class).run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			assertThat(system.lookup("greeter")).isPresent();
			assertThat(system.bridge().<String>call(system.lookup("greeter").get(), "Bob", TIMEOUT))
				.isEqualTo("Hello, Bob");
		});
	}

	@Test
	void scannedActorComponentIsSpawnedAtStartupWithItsDependencies() {
		this.contextRunner.withUserConfiguration(ScanConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed().hasBean("scannedGreeter");
			ActorSystem system = context.getBean(ActorSystem.class);
			assertThat(system.lookup("scannedGreeter")).isPresent();
			ActorRef greeter = context.getBean(ScanClient.class).greeter();
			assertThat(context.getBean(Bridge.class).<String>call(greeter, "Ada", TIMEOUT)).isEqualTo("Good day, Ada");
		});
	}

	@Test
	void actorRefBeanIsQualifiedByTheBeanName() {
		this.contextRunner.withUserConfiguration(GreeterConfiguration.class, TwoGreetersConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(GreeterClient.class).greeter().name()).isEqualTo("greeter");
				assertThat(context.getBean(OtherGreeterClient.class).greeter().name()).isEqualTo("otherGreeter");
			});
	}

	@Test
	void actorRefBeanIsQualifiedByTheActorNameWhenSet() {
		this.contextRunner.withUserConfiguration(CustomNameConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			ActorRef custom = context.getBean(CustomNameClient.class).greeter();
			assertThat(custom.name()).isEqualTo("custom");
			ActorSystem system = context.getBean(ActorSystem.class);
			assertThat(system.lookup("custom")).isPresent();
			assertThat(system.lookup("namedGreeter")).isEmpty();
			assertThat(context.getBean(Bridge.class).<String>call(custom, "Cy", TIMEOUT)).isEqualTo("Hello, Cy");
		});
	}

	@Test
	void actorRefBeanIsQualifiedByTheActorsNameNotTheBeansWhenTheActorHasACustomName() {
		// @Actor(name = "custom"): the actor, its ref's qualifier and its metrics say
		// "custom"
		this.contextRunner.withUserConfiguration(CustomNameConfiguration.class)
			.withBean(BeanNameClient.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(NoSuchBeanDefinitionException.class)
				.hasMessageContaining("ActorRef"));
	}

	@Test
	void lazyInitializationStillSpawnsSingletonActorsAtStartup() {
		// spring.main.lazy-initialization=true adds this post-processor.
		this.contextRunner.withUserConfiguration(LonelyGreeterConfiguration.class)
			.withInitializer(
					(context) -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(ActorSystem.class).lookup("greeter")).isPresent();
			});
	}

	@Test
	void injectingATypeWhosePrimaryBeanIsNotAnActorInjectsThePrimaryBean() {
		this.contextRunner.withUserConfiguration(PrimarySpeakerConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(SpeakerClient.class).speaker().speak()).isEqualTo("plain");
			assertThat(context.getBean(ActorSystem.class).lookup("actorSpeaker")).isPresent();
		});
	}

	@Test
	void threadDispatcherFromAnnotationRunsTheHandlerOnAThreadNamedAfterTheActor() {
		this.contextRunner.withUserConfiguration(OptionsConfiguration.class).run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			assertThat(system.actor("threaded"))
				.hasValueSatisfying((info) -> assertThat(info.dispatcher()).isEqualTo(Dispatcher.THREAD));
			assertThat(system.actor("plain"))
				.hasValueSatisfying((info) -> assertThat(info.dispatcher()).isEqualTo(Dispatcher.SHARED));
			String thread = system.bridge().call(system.lookup("threaded").get(), new WhichThread(), TIMEOUT);
			assertThat(thread).isEqualTo("actors-actor-threaded");
			String sharedThread = system.bridge().call(system.lookup("plain").get(), new WhichThread(), TIMEOUT);
			assertThat(sharedThread).startsWith("actors-shared-");
		});
	}

	@Test
	void mailboxCapacityFromAnnotationBoundsTheMailbox() {
		this.contextRunner.withUserConfiguration(OptionsConfiguration.class).run((context) -> {
			Gate gate = context.getBean(Gate.class);
			Bridge bridge = context.getBean(Bridge.class);
			ActorRef bounded = context.getBean(ActorSystem.class).lookup("bounded").get();
			try {
				bridge.send(bounded, new Block());
				assertThat(gate.entered.await(5, TimeUnit.SECONDS)).isTrue();
				bridge.send(bounded, "fits");
				assertThatExceptionOfType(MailboxFullException.class).isThrownBy(() -> bridge.send(bounded, "extra"))
					.withMessageContaining("bounded");
			}
			finally {
				gate.release.countDown();
			}
		});
	}

	@Test
	void stopFailurePolicyFromAnnotationStopsTheActorAtItsFirstFailure() {
		this.contextRunner.withUserConfiguration(OptionsConfiguration.class).run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			Bridge bridge = context.getBean(Bridge.class);
			ActorRef fragile = system.lookup("fragile").get();
			ActorRef plain = system.lookup("plain").get();
			assertThatExceptionOfType(HandlerFailedException.class).isThrownBy(() -> bridge.call(fragile, 0, TIMEOUT));
			assertThatExceptionOfType(HandlerFailedException.class).isThrownBy(() -> bridge.call(plain, 0, TIMEOUT));
			await().atMost(TIMEOUT).until(() -> system.lookup("fragile").isEmpty());
			assertThat(context.getBean(ActorBeans.class).failedActors()).containsExactly("fragile");
			assertThat(bridge.<Integer>call(plain, 4, TIMEOUT)).isEqualTo(25);
		});
	}

	@Test
	void injectingTheActorBeanItselfFailsStartupNamingBeanAndInjectionPoint() {
		this.contextRunner.withUserConfiguration(GreeterConfiguration.class, IntruderConfiguration.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				assertThat(failure).hasRootCauseInstanceOf(ActorConfinementException.class);
				ActorConfinementException confinement = findCause(failure, ActorConfinementException.class);
				assertThat(confinement.getActorBeanName()).isEqualTo("greeter");
				assertThat(confinement.getMessage()).contains("'greeter'").contains("intruder");
				FailureAnalysis analysis = FailureAnalyses.analyze(failure);
				assertThat(analysis).as(FailureAnalyses.describe(analysis)).isNotNull();
				assertThat(analysis.getDescription()).contains("'greeter'").contains("intruder");
				assertThat(analysis.getAction()).contains("@Qualifier(\"greeter\") ActorRef");
			});
	}

	@Test
	void injectingTheActorBeanIntoAFieldFailsStartupNamingTheField() {
		this.contextRunner.withUserConfiguration(GreeterConfiguration.class)
			.withBean(FieldIntruder.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				ActorConfinementException confinement = findCause(context.getStartupFailure(),
						ActorConfinementException.class);
				assertThat(confinement).isNotNull();
				assertThat(confinement.getMessage()).contains("'greeter'")
					.contains("field 'greeter'")
					.contains(FieldIntruder.class.getName());
				FailureAnalysis analysis = new ActorConfinementFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getAction()).contains("@Qualifier(\"greeter\") ActorRef");
			});
	}

	@Test
	void injectingAListOfTheActorBeansTypeFailsStartupNamingTheBean() {
		this.contextRunner.withUserConfiguration(GreeterConfiguration.class)
			.withBean(ListIntruder.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				ActorConfinementException confinement = findCause(context.getStartupFailure(),
						ActorConfinementException.class);
				assertThat(confinement).as("ActorConfinementException in %s", context.getStartupFailure()).isNotNull();
				assertThat(confinement.getActorBeanName()).isEqualTo("greeter");
				assertThat(confinement.getMessage()).contains(ListIntruder.class.getName());
			});
	}

	@Test
	void objectProviderOfTheActorBeansTypeRefusesTheActorBean() {
		this.contextRunner.withUserConfiguration(GreeterConfiguration.class)
			.withBean(ProviderIntruder.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ProviderIntruder intruder = context.getBean(ProviderIntruder.class);
				assertThatExceptionOfType(ActorConfinementException.class)
					.isThrownBy(() -> intruder.greeters.getIfAvailable())
					.withMessageContaining("'greeter'")
					.withMessageContaining("field 'greeters'");
				assertThatExceptionOfType(ActorConfinementException.class)
					.isThrownBy(() -> intruder.greeters.stream().toList())
					.withMessageContaining("'greeter'");
			});
	}

	@Test
	void actorBeanLookedUpByTypeOrProviderRefusesCallsButItsActorStillHandlesMessages() {
		this.contextRunner.withUserConfiguration(GreeterConfiguration.class).run((context) -> {
			Greeter byType = context.getBean(Greeter.class);
			assertThatExceptionOfType(ActorConfinementException.class).isThrownBy(() -> byType.greet("Ann"))
				.withMessageContaining(Greeter.class.getName() + ".greet")
				.withMessageContaining("'greeter'")
				.withMessageContaining("@Qualifier(\"greeter\") ActorRef");
			Greeter byProvider = context.getBeanProvider(Greeter.class).getObject();
			assertThatExceptionOfType(ActorConfinementException.class).isThrownBy(() -> byProvider.greet("Ann"));
			Greeter byName = (Greeter) context.getBean("greeter");
			assertThatExceptionOfType(ActorConfinementException.class).isThrownBy(() -> byName.greet("Ann"));
			assertThat(byType.toString()).contains(Greeter.class.getName());
			assertThat(context.getBean(Bridge.class)
				.<String>call(context.getBean("greeterActorRef", ActorRef.class), "Ann", Duration.ofSeconds(5)))
				.isEqualTo("Hello, Ann");
		});
	}

	@Test
	void actorBeanStaysConfinedWhenTheContextHasAnotherAutowireCandidateResolver() {
		this.contextRunner.withUserConfiguration(GreeterConfiguration.class, IntruderConfiguration.class)
			.withInitializer((context) -> ((GenericApplicationContext) context).getDefaultListableBeanFactory()
				.setAutowireCandidateResolver(new CustomAutowireCandidateResolver()))
			.run((context) -> {
				assertThat(context).hasFailed();
				ActorConfinementException confinement = findCause(context.getStartupFailure(),
						ActorConfinementException.class);
				assertThat(confinement).as("ActorConfinementException in %s", context.getStartupFailure()).isNotNull();
				assertThat(confinement.getMessage()).contains("'greeter'").contains("intruder");
			});
	}

	@Test
	void actorBeansAreNoAutowireCandidates() {
		this.contextRunner.withUserConfiguration(GreeterConfiguration.class, ScanConfiguration.class).run((context) -> {
			assertThat(context.getBeanFactory().getBeanDefinition("greeter").isAutowireCandidate()).isFalse();
			assertThat(context.getBeanFactory().getBeanDefinition("scannedGreeter").isAutowireCandidate()).isFalse();
			assertThat(context.getBeanFactory().getBeanDefinition("greeterActorRef").isAutowireCandidate()).isTrue();
		});
	}

	@Test
	void injectingAnActorBeanWithACustomNameSuggestsTheActorRefQualifiedByThatName() {
		this.contextRunner.withUserConfiguration(CustomNameConfiguration.class)
			.withBean(CustomNameIntruder.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
				assertThat(analysis).as(FailureAnalyses.describe(analysis)).isNotNull();
				assertThat(analysis.getDescription()).contains("'namedGreeter'");
				assertThat(analysis.getAction()).contains("@Qualifier(\"custom\") ActorRef");
			});
	}

	@Test
	void invalidHandlerFailsStartupNamingBeanClassMethodAndRule() {
		this.contextRunner.withUserConfiguration(InvalidHandlerConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			InvalidBehaviorException invalid = findCause(failure, InvalidBehaviorException.class);
			assertThat(invalid).as("InvalidBehaviorException in the chain of %s", failure).isNotNull();
			assertThat(invalid.getMessage()).contains("broken")
				.contains(TwoMessages.class.getName())
				.contains("on(String, Integer)")
				.contains("a handler takes one message");
			FailureAnalysis analysis = FailureAnalyses.analyze(failure);
			assertThat(analysis).as(FailureAnalyses.describe(analysis)).isNotNull();
			assertThat(analysis.getDescription()).contains("Actor bean 'broken'")
				.contains("on(String, Integer)")
				.contains(TwoMessages.class.getName());
			assertThat(analysis.getAction()).contains("@Handles");
		});
	}

	@Test
	void invalidHandlerOfAnActorWhoseRefIsInjectedFailureAnalysisNamesTheActorBean() {
		this.contextRunner.withUserConfiguration(InvalidHandlerWithClientConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			assertThat(findCause(failure, InvalidBehaviorException.class)).isNotNull();
			FailureAnalysis analysis = FailureAnalyses.analyze(failure);
			assertThat(analysis).as(FailureAnalyses.describe(analysis)).isNotNull();
			assertThat(analysis.getDescription()).as(analysis.getDescription()).contains("Actor bean 'broken'");
		});
	}

	@Test
	void restartFailurePolicyOnASingletonFailsStartupNamingTheBean() {
		this.contextRunner.withUserConfiguration(RestartingSingletonConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasMessageContaining("'phoenix'")
				.hasMessageContaining("RESTART")
				.hasMessageContaining("prototype");
		});
	}

	@Test
	void restartFailurePolicyPropertyWithASingletonFailsStartupNamingTheBean() {
		this.contextRunner.withUserConfiguration(LonelyGreeterConfiguration.class)
			.withPropertyValues("actorbeans.failure-policy=restart")
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				assertThat(findCause(failure, InvalidBehaviorException.class)).isNotNull();
				assertThat(failure).hasStackTraceContaining("'greeter'").hasStackTraceContaining("RESTART");
			});
	}

	@Test
	void virtualDispatcherOnAnnotationBeforeJava21FailsStartupNamingTheBean() {
		assumeTrue(Runtime.version().feature() < 21, "virtual threads are available on this JVM");
		this.contextRunner.withUserConfiguration(VirtualConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			assertThat(findCause(failure, DispatcherUnavailableException.class)).isNotNull();
			FailureAnalysis analysis = FailureAnalyses.analyze(failure);
			assertThat(analysis).as(FailureAnalyses.describe(analysis)).isNotNull();
			assertThat(analysis.getDescription()).contains("'weaver'").contains("Java 21");
			assertThat(analysis.getAction()).contains("Java 21").contains("actorbeans.dispatcher.type");
		});
	}

	@Test
	void virtualDispatcherOnAnnotationOnJava21RunsOnVirtualThreads() {
		assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21");
		this.contextRunner.withUserConfiguration(VirtualConfiguration.class).run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			assertThat(system.actor("weaver"))
				.hasValueSatisfying((info) -> assertThat(info.dispatcher()).isEqualTo(Dispatcher.VIRTUAL));
			Boolean virtual = system.bridge().call(system.lookup("weaver").get(), new IsVirtual(), TIMEOUT);
			assertThat(virtual).isTrue();
		});
	}

	@Test
	void deadLetterIsPublishedAsAnEvent() {
		this.contextRunner.withUserConfiguration(GreeterConfiguration.class, DeadLetterConfiguration.class)
			.run((context) -> {
				ActorRef greeter = context.getBean(GreeterClient.class).greeter();
				List<Stopped> stopped = context.getBean(Bridge.class).stop(List.of(greeter), TIMEOUT);
				assertThat(stopped).containsExactly(new Stopped("greeter"));
				greeter.send("too late");
				DeadLetterRecorder recorder = context.getBean(DeadLetterRecorder.class);
				await().atMost(TIMEOUT).until(() -> !recorder.events.isEmpty());
				DeadLetterEvent event = recorder.events.get(0);
				assertThat(event.getSource()).isSameAs(context.getBean(ActorSystem.class));
				DeadLetter deadLetter = event.getDeadLetter();
				assertThat(deadLetter.message()).isEqualTo("too late");
				assertThat(deadLetter.recipient().name()).isEqualTo("greeter");
				assertThat(deadLetter.reason()).isEqualTo(DeadLetter.Reason.STOPPED);
			});
	}

	@Test
	void severalContextsEachHaveTheirOwnActorSystem() {
		this.contextRunner.withUserConfiguration(GreeterConfiguration.class).run((first) -> {
			this.contextRunner.withUserConfiguration(GreeterConfiguration.class).run((second) -> {
				ActorSystem firstSystem = first.getBean(ActorSystem.class);
				ActorSystem secondSystem = second.getBean(ActorSystem.class);
				assertThat(firstSystem).isNotSameAs(secondSystem);
				ActorRef firstGreeter = first.getBean(GreeterClient.class).greeter();
				ActorRef secondGreeter = second.getBean(GreeterClient.class).greeter();
				assertThat(firstGreeter).isNotSameAs(secondGreeter);
				assertThat(firstGreeter.name()).isEqualTo(secondGreeter.name()).isEqualTo("greeter");
				assertThat(firstSystem.bridge().<String>call(firstGreeter, "one", TIMEOUT)).isEqualTo("Hello, one");
				first.close();
				assertThat(firstSystem.isShutdown()).isTrue();
				assertThat(secondSystem.isShutdown()).isFalse();
				assertThat(secondSystem.bridge().<String>call(secondGreeter, "two", TIMEOUT)).isEqualTo("Hello, two");
			});
		});
	}

	@Test
	void closingTheContextHandlesTheMessagesAcceptedBeforeIt() {
		Tally tally = new Tally();
		AtomicReference<ActorSystem> system = new AtomicReference<>();
		this.contextRunner.withUserConfiguration(SlowCounterConfiguration.class)
			.withBean(Tally.class, () -> tally)
			.run((context) -> {
				system.set(context.getBean(ActorSystem.class));
				ActorRef counter = context.getBean(SlowCounterClient.class).counter();
				for (int i = 1; i <= 20; i++) {
					counter.send(i);
				}
				assertThat(tally.values).hasSizeLessThan(20);
			});
		assertThat(system.get().isShutdown()).isTrue();
		assertThat(tally.values).hasSize(20).isSorted();
	}

	@Test
	void stoppingTheContextKeepsTheActorsAndClosingItStopsThem() {
		AtomicReference<ActorSystem> system = new AtomicReference<>();
		this.contextRunner.withUserConfiguration(GreeterConfiguration.class).run((context) -> {
			system.set(context.getBean(ActorSystem.class));
			ActorSystemLifecycle lifecycle = context.getBean(ActorSystemLifecycle.class);
			assertThat(lifecycle.isRunning()).isTrue();
			context.stop();
			assertThat(lifecycle.isRunning()).isFalse();
			assertThat(system.get().isShutdown()).isFalse();
			assertThat(system.get().actors()).isNotEmpty();
		});
		assertThat(system.get().isShutdown()).isTrue();
		assertThat(system.get().actors()).isEmpty();
		assertThat(system.get().whenTerminated().toCompletableFuture()).isCompleted();
	}

	@SuppressWarnings("unchecked")
	private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return (T) cause;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

	record WhichThread() {
	}

	record IsVirtual() {
	}

	record Block() {
	}

	static class GreetingService {

		String greet(String name) {
			return "Hello, " + name;
		}

	}

	static class Greeter {

		private final GreetingService service;

		Greeter(GreetingService service) {
			this.service = service;
		}

		@Handles
		String greet(String name) {
			return this.service.greet(name);
		}

	}

	record GreeterClient(ActorRef greeter) {
	}

	record OtherGreeterClient(ActorRef greeter) {
	}

	record CustomNameClient(ActorRef greeter) {
	}

	record ScanClient(ActorRef greeter) {
	}

	@Configuration(proxyBeanMethods = false)
	static class GreetingServiceConfiguration {

		@Bean
		GreetingService greetingService() {
			return new GreetingService();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(GreetingServiceConfiguration.class)
	static class LonelyGreeterConfiguration {

		@Bean
		@Actor
		Greeter greeter(GreetingService service) {
			return new Greeter(service);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(LonelyGreeterConfiguration.class)
	static class GreeterConfiguration {

		@Bean
		GreeterClient greeterClient(@Qualifier("greeter") ActorRef greeter) {
			return new GreeterClient(greeter);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoGreetersConfiguration {

		@Bean
		@Actor
		Greeter otherGreeter(GreetingService service) {
			return new Greeter(service);
		}

		@Bean
		OtherGreeterClient otherGreeterClient(@Qualifier("otherGreeter") ActorRef greeter) {
			return new OtherGreeterClient(greeter);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(GreetingServiceConfiguration.class)
	static class CustomNameConfiguration {

		@Bean
		@Actor(name = "custom")
		Greeter namedGreeter(GreetingService service) {
			return new Greeter(service);
		}

		@Bean
		CustomNameClient customNameClient(@Qualifier("custom") ActorRef greeter) {
			return new CustomNameClient(greeter);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ComponentScan(basePackageClasses = ScannedGreeter.class)
	static class ScanConfiguration {

		@Bean
		ScanClient scanClient(@Qualifier("scannedGreeter") ActorRef greeter) {
			return new ScanClient(greeter);
		}

	}

	static class BeanNameClient {

		@Autowired
		@Qualifier("namedGreeter")
		ActorRef greeter;

	}

	interface Speaker {

		String speak();

	}

	static class ActorSpeaker implements Speaker {

		@Override
		public String speak() {
			return "actor";
		}

		@Handles
		String on(String text) {
			return text;
		}

	}

	static class PlainSpeaker implements Speaker {

		@Override
		public String speak() {
			return "plain";
		}

	}

	record SpeakerClient(Speaker speaker) {
	}

	@Configuration(proxyBeanMethods = false)
	static class PrimarySpeakerConfiguration {

		@Bean
		@Actor
		ActorSpeaker actorSpeaker() {
			return new ActorSpeaker();
		}

		@Bean
		@Primary
		PlainSpeaker plainSpeaker() {
			return new PlainSpeaker();
		}

		@Bean
		SpeakerClient speakerClient(Speaker speaker) {
			return new SpeakerClient(speaker);
		}

	}

	static class ThreadReporter {

		@Handles
		String thread(WhichThread request) {
			return Thread.currentThread().getName();
		}

		@Handles
		Boolean isVirtual(IsVirtual request) throws ReflectiveOperationException {
			return (Boolean) Thread.class.getMethod("isVirtual").invoke(Thread.currentThread());
		}

		@Handles
		Integer square(Integer value) {
			if (value == 0) {
				throw new IllegalArgumentException("zero");
			}
			return value * value + 9;
		}

	}

	static class Gate {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

	}

	static class Blocker {

		private final Gate gate;

		Blocker(Gate gate) {
			this.gate = gate;
		}

		@Handles
		void block(Block block) throws InterruptedException {
			this.gate.entered.countDown();
			this.gate.release.await(10, TimeUnit.SECONDS);
		}

		@Handles
		void other(String text) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OptionsConfiguration {

		@Bean
		Gate gate() {
			return new Gate();
		}

		@Bean
		@Actor(dispatcher = Dispatcher.THREAD)
		ThreadReporter threaded() {
			return new ThreadReporter();
		}

		@Bean
		@Actor
		ThreadReporter plain() {
			return new ThreadReporter();
		}

		@Bean
		@Actor(mailboxCapacity = 1)
		Blocker bounded(Gate gate) {
			return new Blocker(gate);
		}

		@Bean
		@Actor(failurePolicy = FailurePolicy.STOP)
		ThreadReporter fragile() {
			return new ThreadReporter();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class VirtualConfiguration {

		@Bean
		@Actor(dispatcher = Dispatcher.VIRTUAL)
		ThreadReporter weaver() {
			return new ThreadReporter();
		}

	}

	static class Intruder {

		Intruder(Greeter greeter) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class IntruderConfiguration {

		@Bean
		Intruder intruder(Greeter greeter) {
			return new Intruder(greeter);
		}

	}

	static class FieldIntruder {

		@Autowired
		Greeter greeter;

	}

	static class ListIntruder {

		ListIntruder(List<Greeter> greeters) {
		}

	}

	static class ProviderIntruder {

		@Autowired
		ObjectProvider<Greeter> greeters;

	}

	static class CustomAutowireCandidateResolver extends ContextAnnotationAutowireCandidateResolver {

	}

	static class CustomNameIntruder {

		@Autowired
		Greeter greeter;

	}

	static class TwoMessages {

		@Handles
		void on(String text, Integer number) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class InvalidHandlerConfiguration {

		@Bean
		@Actor
		TwoMessages broken() {
			return new TwoMessages();
		}

	}

	record BrokenClient(ActorRef broken) {
	}

	@Configuration(proxyBeanMethods = false)
	static class InvalidHandlerWithClientConfiguration {

		@Bean
		BrokenClient brokenClient(@Qualifier("broken") ActorRef broken) {
			return new BrokenClient(broken);
		}

		@Bean
		@Actor
		TwoMessages broken() {
			return new TwoMessages();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(GreetingServiceConfiguration.class)
	static class RestartingSingletonConfiguration {

		@Bean
		@Actor(failurePolicy = FailurePolicy.RESTART)
		Greeter phoenix(GreetingService service) {
			return new Greeter(service);
		}

	}

	static class DeadLetterRecorder {

		final List<DeadLetterEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void onDeadLetter(DeadLetterEvent event) {
			this.events.add(event);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DeadLetterConfiguration {

		@Bean
		DeadLetterRecorder deadLetterRecorder() {
			return new DeadLetterRecorder();
		}

	}

	static class Tally {

		final List<Integer> values = new CopyOnWriteArrayList<>();

	}

	static class SlowCounter {

		private final Tally tally;

		SlowCounter(Tally tally) {
			this.tally = tally;
		}

		@Handles
		void count(Integer value) throws InterruptedException {
			Thread.sleep(20);
			this.tally.values.add(value);
		}

	}

	record SlowCounterClient(ActorRef counter) {
	}

	@Configuration(proxyBeanMethods = false)
	static class SlowCounterConfiguration {

		@Bean
		@Actor
		SlowCounter slowCounter(Tally tally) {
			return new SlowCounter(tally);
		}

		@Bean
		SlowCounterClient slowCounterClient(@Qualifier("slowCounter") ActorRef counter) {
			return new SlowCounterClient(counter);
		}

	}

}
