package io.actorbeans.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.Bridge;
import io.actorbeans.Handles;
import io.actorbeans.boot.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.TestContextManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ActorSystemLifecycle}: the actor system lives as long as the
 * application context, through a pause, and its actors end after the application's other
 * lifecycles have stopped and before its beans are destroyed.
 */
@Timeout(30)
class ActorSystemLifecycleTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final String ECHO_ENDED = "actor echo ended";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ActorAutoConfiguration.class))
		.withUserConfiguration(EchoConfiguration.class);

	@Test
	void closingTheContextEndsTheActorsAfterTheOtherLifecyclesStopAndBeforeAnyBeanIsDestroyed() {
		Events events = new Events();
		AtomicReference<ActorSystemLifecycle> lifecycle = new AtomicReference<>();
		this.contextRunner.withUserConfiguration(WitnessConfiguration.class)
			.withBean(Events.class, () -> events)
			.run((context) -> {
				lifecycle.set(context.getBean(ActorSystemLifecycle.class));
				assertThat(lifecycle.get().isRunning()).isTrue();
				events.add("closing");
			});
		assertThat(lifecycle.get().isRunning()).isFalse();
		// the caller stops where the web server does: the actors still answer; they have
		// all ended before the beans they may use are destroyed
		assertThat(events.all()).filteredOn((event) -> !event.equals(ECHO_ENDED))
			.containsExactly("closing", "caller stopped: echo answered 'stopping'",
					"witness destroyed, actor system terminated: true");
		// the termination listener may be told a little after the system has terminated
		await().atMost(TIMEOUT).until(() -> events.all().contains(ECHO_ENDED));
		assertThat(events.all().indexOf(ECHO_ENDED))
			.isGreaterThan(events.all().indexOf("caller stopped: echo answered 'stopping'"));
	}

	@Test
	void pausingAndRestartingTheContextKeepsTheActorsRunning() {
		// A pause is not a shutdown: Spring Framework 7's test context cache pauses the
		// contexts it keeps for later, and resumes them with start().
		this.contextRunner.run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			context.pause();
			context.start();
			assertThat(system.isShutdown()).isFalse();
			ActorRef echo = context.getBean(EchoClient.class).echo();
			assertThat(system.bridge().<String>call(echo, "still here", TIMEOUT)).isEqualTo("still here");
		});
	}

	@Test
	void cachedTestContextReusedAfterAContextSwitchStillHasRunningActors() throws Exception {
		// What a test suite does: class A, then class B with another configuration (the
		// cache pauses A's context), then class C with A's configuration (it gets A's
		// context back, restarted).
		ApplicationContext first = loadTestContext(FirstTestClass.class);
		ActorSystem system = first.getBean(ActorSystem.class);
		assertThat(system.isShutdown()).isFalse();
		loadTestContext(OtherConfigurationTestClass.class);
		ApplicationContext again = loadTestContext(FirstTestClass.class);
		assertThat(again).isSameAs(first);
		assertThat(system.isShutdown()).isFalse();
		ActorRef echo = again.getBean(EchoClient.class).echo();
		assertThat(system.bridge().<String>call(echo, "cached", TIMEOUT)).isEqualTo("cached");
	}

	private static ApplicationContext loadTestContext(Class<?> testClass) throws Exception {
		TestContextManager manager = new TestContextManager(testClass);
		manager.beforeTestClass();
		manager.prepareTestInstance(testClass.getDeclaredConstructor().newInstance());
		ApplicationContext context = manager.getTestContext().getApplicationContext();
		manager.afterTestClass();
		return context;
	}

	@SpringBootTest(classes = EchoConfiguration.class, properties = "spring.main.banner-mode=off")
	static class FirstTestClass {

	}

	@SpringBootTest(classes = OtherConfiguration.class, properties = "spring.main.banner-mode=off")
	static class OtherConfigurationTestClass {

	}

	static class Echo {

		@Handles
		String echo(String text) {
			return text;
		}

	}

	record EchoClient(ActorRef echo) {
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(ActorAutoConfiguration.class)
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

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(ActorAutoConfiguration.class)
	static class OtherConfiguration {

	}

	/** What the beans of {@link WitnessConfiguration} saw, in order. */
	static class Events {

		private final List<String> events = new CopyOnWriteArrayList<>();

		void add(String event) {
			this.events.add(event);
		}

		List<String> all() {
			return List.copyOf(this.events);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WitnessConfiguration {

		@Bean
		Caller caller(Bridge bridge, EchoClient echoClient, Events events) {
			return new Caller(bridge, echoClient.echo(), events);
		}

		@Bean
		Witness witness(ActorSystem system, Events events) {
			return new Witness(system, events);
		}

	}

	/**
	 * A lifecycle of the application that calls an actor as it stops, at the phase where
	 * the web server stops.
	 */
	static class Caller implements SmartLifecycle {

		private final Bridge bridge;

		private final ActorRef echo;

		private final Events events;

		private volatile boolean running;

		Caller(Bridge bridge, ActorRef echo, Events events) {
			this.bridge = bridge;
			this.echo = echo;
			this.events = events;
		}

		@Override
		public void start() {
			this.running = true;
		}

		@Override
		public void stop() {
			this.running = false;
			try {
				this.events
					.add("caller stopped: echo answered '" + this.bridge.call(this.echo, "stopping", TIMEOUT) + "'");
			}
			catch (RuntimeException ex) {
				this.events.add("caller stopped: echo failed with " + ex);
			}
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		@Override
		public int getPhase() {
			return SmartLifecycle.DEFAULT_PHASE - 2048;
		}

	}

	/** A bean that depends on the actor system: destroyed before it. */
	static class Witness implements DisposableBean {

		private final ActorSystem system;

		private final Events events;

		Witness(ActorSystem system, Events events) {
			this.system = system;
			this.events = events;
			system.addTerminationListener((actor) -> events.add("actor " + actor.name() + " ended"));
		}

		@Override
		public void destroy() {
			this.events.add("witness destroyed, actor system terminated: "
					+ this.system.whenTerminated().toCompletableFuture().isDone());
		}

	}

}
