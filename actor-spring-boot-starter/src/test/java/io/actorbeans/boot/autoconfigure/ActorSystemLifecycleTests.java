package io.actorbeans.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.ActorSystemSettings;
import io.actorbeans.Bridge;
import io.actorbeans.Handles;
import io.actorbeans.boot.Actor;
import io.actorbeans.boot.Periodic;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ExecutorConfigurationSupport;
import org.springframework.test.context.TestContextManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ActorSystemLifecycle}: the actor system lives as long as the
 * application context, through a pause or a stop (which hold the timers' ticks), its
 * timers tick only once the context has been refreshed, and its actors end after the
 * application's other lifecycles, task executors included, have stopped and before its
 * beans are destroyed.
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

	@Test
	void actorsStopAfterTheTaskExecutorsAndSchedulers() {
		assertThat(ActorSystemLifecycle.PHASE).isLessThan(ExecutorConfigurationSupport.DEFAULT_PHASE);
	}

	@Test
	void asyncTaskRunningWhenTheContextClosesStillCallsTheActors() {
		AsyncCalls calls = new AsyncCalls();
		this.contextRunner.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.withUserConfiguration(AsyncConfiguration.class)
			.withBean(AsyncCalls.class, () -> calls)
			.run((context) -> {
				context.getBean(AsyncCaller.class).callEchoOnceClosing();
				assertThat(calls.started.await(5, TimeUnit.SECONDS)).isTrue();
			});
		// the executor waited for its task, and the actors for the executor
		assertThat(calls.outcome).isEqualTo("echo answered 'from @Async'");
	}

	@Test
	void stopWhenTheContextClosesShutsTheSystemDownOnAThreadOfItsOwnThenCallsBack() throws InterruptedException {
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ActorSystem system = ActorSystem.create(ActorSystemSettings.defaults().withName("async-stop"));
		try {
			system.spawn("blocked", new Blocked(entered, release)).send("block");
			assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
			ActorSystemLifecycle lifecycle = new ActorSystemLifecycle(system, Duration.ofSeconds(3));
			lifecycle.setApplicationContext(closedContext());
			lifecycle.start();
			CountDownLatch stopped = new CountDownLatch(1);
			AtomicReference<String> callbackThread = new AtomicReference<>();
			lifecycle.stop(() -> {
				callbackThread.set(Thread.currentThread().getName());
				stopped.countDown();
			});
			assertThat(lifecycle.isRunning()).isFalse();
			assertThat(stopped.getCount()).as("stop callbacks not yet run").isOne();
			await().atMost(TIMEOUT).until(system::isShutdown);
			release.countDown();
			assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
			assertThat(callbackThread.get()).isEqualTo("async-stop-shutdown");
			assertThat(system.whenTerminated().toCompletableFuture().join().completed()).isTrue();
		}
		finally {
			release.countDown();
			system.close();
		}
	}

	@Test
	void noTickReachesAnActorOfAContextWhoseRefreshFailsAndItsSystemIsShutDown() {
		Ticks ticks = new Ticks();
		this.contextRunner.withUserConfiguration(TickerConfiguration.class, FailingRefreshConfiguration.class)
			.withBean(Ticks.class, () -> ticks)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasRootCauseMessage("refresh fails");
			});
		assertThat(ticks.system).isNotNull().satisfies((system) -> assertThat(system.isShutdown()).isTrue());
		assertThat(ticks.count).hasValue(0);
	}

	@Test
	void ticksStartOnceTheContextHasBeenRefreshed() {
		Ticks ticks = new Ticks();
		this.contextRunner.withUserConfiguration(TickerConfiguration.class)
			.withBean(Ticks.class, () -> ticks)
			.run((context) -> await().atMost(TIMEOUT).until(() -> ticks.count.get() > 0));
	}

	@Test
	void pausedContextHoldsTheTicksUntilItStartsAgain() {
		Ticks ticks = new Ticks();
		this.contextRunner.withUserConfiguration(TickerConfiguration.class)
			.withBean(Ticks.class, () -> ticks)
			.run((context) -> {
				await().atMost(TIMEOUT).until(() -> ticks.count.get() > 0);
				context.pause();
				assertThat(context.getBean(ActorSystemLifecycle.class).isRunning()).isFalse();
				int count = assertNoTicks(context);
				context.start();
				await().atMost(TIMEOUT).until(() -> ticks.count.get() > count);
			});
	}

	@Test
	void stoppedContextKeepsItsActorsRunningWithoutTicksUntilItStartsAgain() {
		Ticks ticks = new Ticks();
		this.contextRunner.withUserConfiguration(TickerConfiguration.class)
			.withBean(Ticks.class, () -> ticks)
			.run((context) -> {
				await().atMost(TIMEOUT).until(() -> ticks.count.get() > 0);
				context.stop();
				assertThat(context.getBean(ActorSystemLifecycle.class).isRunning()).isFalse();
				assertThat(context.getBean(ActorSystem.class).isShutdown()).isFalse();
				int count = assertNoTicks(context);
				context.start();
				assertThat(context.getBean(ActorSystemLifecycle.class).isRunning()).isTrue();
				await().atMost(TIMEOUT).until(() -> ticks.count.get() > count);
			});
	}

	/**
	 * Once the ticker has handled what was in its mailbox, no tick comes for a while.
	 * @return the ticks so far
	 */
	private static int assertNoTicks(ApplicationContext context) throws InterruptedException {
		Bridge bridge = context.getBean(Bridge.class);
		ActorRef ticker = context.getBean(TickerClient.class).ticker();
		int count = bridge.<Integer>call(ticker, new CountTicks(), TIMEOUT);
		// ten periods of the timer: an absence cannot be awaited
		Thread.sleep(200);
		assertThat(bridge.<Integer>call(ticker, new CountTicks(), TIMEOUT)).isEqualTo(count);
		return count;
	}

	private static ApplicationContext closedContext() {
		GenericApplicationContext context = new GenericApplicationContext();
		context.refresh();
		context.close();
		return context;
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

	static class Blocked {

		private final CountDownLatch entered;

		private final CountDownLatch release;

		Blocked(CountDownLatch entered, CountDownLatch release) {
			this.entered = entered;
			this.release = release;
		}

		@Handles
		void block(String message) throws InterruptedException {
			this.entered.countDown();
			this.release.await(10, TimeUnit.SECONDS);
		}

	}

	/** What the ticker and the failing configuration saw. */
	static class Ticks {

		final AtomicInteger count = new AtomicInteger();

		volatile @Nullable ActorSystem system;

	}

	enum Tick {

		TICK

	}

	record CountTicks() {
	}

	static class Ticker {

		private final Ticks ticks;

		Ticker(Ticks ticks) {
			this.ticks = ticks;
		}

		@Handles
		@Periodic(interval = "20ms")
		void onTick(Tick tick) {
			this.ticks.count.incrementAndGet();
		}

		@Handles
		int count(CountTicks request) {
			return this.ticks.count.get();
		}

	}

	record TickerClient(ActorRef ticker) {
	}

	@Configuration(proxyBeanMethods = false)
	static class TickerConfiguration {

		@Bean
		@Actor
		Ticker ticker(Ticks ticks) {
			return new Ticker(ticks);
		}

		@Bean
		TickerClient tickerClient(@Qualifier("ticker") ActorRef ticker) {
			return new TickerClient(ticker);
		}

	}

	/** Fails the refresh some ticks' time after the ticker has been spawned. */
	@Configuration(proxyBeanMethods = false)
	static class FailingRefreshConfiguration {

		@Bean
		Object slowFailure(TickerClient tickerClient, ActorSystem system, Ticks ticks) throws InterruptedException {
			ticks.system = system;
			Thread.sleep(300);
			throw new IllegalStateException("refresh fails");
		}

	}

	/** What the {@code @Async} task of {@link AsyncCaller} saw. */
	static class AsyncCalls implements ApplicationListener<ContextClosedEvent> {

		final CountDownLatch started = new CountDownLatch(1);

		final CountDownLatch closing = new CountDownLatch(1);

		volatile @Nullable String outcome;

		@Override
		public void onApplicationEvent(ContextClosedEvent event) {
			this.closing.countDown();
		}

	}

	static class AsyncCaller {

		private final ActorSystem system;

		private final ActorRef echo;

		private final AsyncCalls calls;

		AsyncCaller(ActorSystem system, ActorRef echo, AsyncCalls calls) {
			this.system = system;
			this.echo = echo;
			this.calls = calls;
		}

		@Async
		public void callEchoOnceClosing() throws InterruptedException {
			this.calls.started.countDown();
			this.calls.closing.await(10, TimeUnit.SECONDS);
			// Give a shutdown that would not wait for this task the time to begin
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
			while (!this.system.isShutdown() && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			try {
				this.calls.outcome = "echo answered '" + this.system.bridge().call(this.echo, "from @Async", TIMEOUT)
						+ "'";
			}
			catch (RuntimeException ex) {
				this.calls.outcome = "echo failed with " + ex;
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAsync
	static class AsyncConfiguration {

		@Bean
		AsyncCaller asyncCaller(ActorSystem system, EchoClient echoClient, AsyncCalls calls) {
			return new AsyncCaller(system, echoClient.echo(), calls);
		}

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
