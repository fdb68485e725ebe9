package io.actorbeans;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.actorbeans.MessageObserver.Outcome;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A {@link MessageObserver} is told of each message a handler may take, on the actor's
 * thread, inside the context the message carried, and of how it ended, before the next
 * message.
 */
@Timeout(30)
class MessageObserverTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

	private final RecordingObserver observer = new RecordingObserver();

	private @Nullable ActorSystem system;

	@AfterEach
	void close() {
		if (this.system != null) {
			this.system.close();
		}
		CURRENT.remove();
	}

	@ParameterizedTest
	@EnumSource(Dispatcher.class)
	void eachHandledMessageEndsWithItsOutcome(Dispatcher dispatcher) throws Exception {
		ActorRef greeter = start(dispatcher).spawn("greeter", new Greeter());
		Bridge bridge = this.system.bridge();
		assertThat(bridge.<String>call(greeter, "Ada", TIMEOUT)).isEqualTo("Hello, Ada");
		assertThatExceptionOfType(HandlerFailedException.class).isThrownBy(() -> bridge.call(greeter, 13, TIMEOUT));
		assertThatExceptionOfType(UnhandledMessageException.class).isThrownBy(() -> bridge.call(greeter, 2.5, TIMEOUT));
		assertThat(this.observer.next()).isEqualTo(new Observed("greeter", String.class, Outcome.SUCCESS, null));
		assertThat(this.observer.next())
			.isEqualTo(new Observed("greeter", Integer.class, Outcome.FAILURE, IllegalArgumentException.class));
		assertThat(this.observer.next()).isEqualTo(new Observed("greeter", Double.class, Outcome.UNHANDLED, null));
	}

	@ParameterizedTest
	@EnumSource(Dispatcher.class)
	void theObserverStartsInsideTheContextTheMessageCarried(Dispatcher dispatcher) throws Exception {
		this.system = ActorSystem.create(settings(dispatcher).withContextPropagator(new ThreadLocalPropagator()));
		ActorRef greeter = this.system.spawn("greeter", new Greeter());
		CURRENT.set("request-1");
		greeter.send("Ada");
		CURRENT.remove();
		greeter.send("Grace");
		assertThat(this.observer.contexts.poll(5, TimeUnit.SECONDS)).isEqualTo("request-1");
		assertThat(this.observer.contexts.poll(5, TimeUnit.SECONDS)).isEqualTo("(none)");
	}

	@Test
	void timerTicksTerminatedAndPipedOutcomesAreObservedAndStopIsNot() throws Exception {
		ActorSystem system = start(Dispatcher.SHARED);
		ActorRef watched = system.spawn("watched", new Greeter());
		ActorRef watcher = system.spawn("watcher", new Watcher(watched));
		watcher.send(new Begin());
		List<Class<?>> types = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			Observed observed = this.observer.next();
			if (observed.actor().equals("watcher")) {
				types.add(observed.messageType());
			}
		}
		assertThat(types).containsExactly(Begin.class, Tick.class, Terminated.class, String.class);
		assertThat(this.observer.observed.poll(200, TimeUnit.MILLISECONDS)).isNull();
	}

	@Test
	void eachHandlingEndsBeforeTheNextStartsWhateverTheSenders() throws Exception {
		ActorRef greeter = start(Dispatcher.SHARED).spawn("greeter", new Greeter());
		int senders = 4;
		int perSender = 2_000;
		CountDownLatch go = new CountDownLatch(1);
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < senders; i++) {
			Thread thread = new Thread(() -> {
				awaitQuietly(go);
				for (int n = 0; n < perSender; n++) {
					greeter.send("n" + n);
				}
			});
			thread.start();
			threads.add(thread);
		}
		go.countDown();
		for (Thread thread : threads) {
			thread.join(TIMEOUT.toMillis());
		}
		for (int i = 0; i < senders * perSender; i++) {
			assertThat(this.observer.next().outcome()).isEqualTo(Outcome.SUCCESS);
		}
		assertThat(this.observer.overlaps).hasValue(0);
	}

	@Test
	void anObserverThatThrowsEndsTheActorAsFailed() throws Exception {
		this.system = ActorSystem.create(
				ActorSystemSettings.defaults().withName("failing-observer").withMessageObserver((actor, message) -> {
					throw new IllegalStateException("observer failed");
				}));
		BlockingQueue<ActorInfo> ended = new LinkedBlockingQueue<>();
		this.system.addTerminationListener(ended::add);
		this.system.spawn("greeter", new Greeter()).send("Ada");
		ActorInfo info = ended.poll(5, TimeUnit.SECONDS);
		assertThat(info).isNotNull();
		assertThat(info.state()).isEqualTo(ActorState.FAILED);
	}

	private ActorSystem start(Dispatcher dispatcher) {
		this.system = ActorSystem.create(settings(dispatcher));
		return this.system;
	}

	private ActorSystemSettings settings(Dispatcher dispatcher) {
		if (dispatcher == Dispatcher.VIRTUAL) {
			assumeThat(Runtime.version().feature()).as("virtual threads").isGreaterThanOrEqualTo(21);
		}
		return ActorSystemSettings.defaults()
			.withName("observed-" + dispatcher.configName())
			.withDispatcher(dispatcher)
			.withMessageObserver(this.observer);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	record Observed(String actor, Class<?> messageType, Outcome outcome, @Nullable Class<? extends Throwable> failure) {
	}

	/** Records each handling, and counts handlings of one actor that overlap. */
	static final class RecordingObserver implements MessageObserver {

		final BlockingQueue<Observed> observed = new LinkedBlockingQueue<>();

		final BlockingQueue<String> contexts = new LinkedBlockingQueue<>();

		final AtomicInteger open = new AtomicInteger();

		final AtomicInteger overlaps = new AtomicInteger();

		@Override
		public Handling start(ActorRef actor, Object message) {
			String context = CURRENT.get();
			this.contexts.add((context != null) ? context : "(none)");
			if (this.open.incrementAndGet() > 1 && actor.name().equals("greeter")) {
				this.overlaps.incrementAndGet();
			}
			return (outcome, failure) -> {
				this.open.decrementAndGet();
				this.observed.add(new Observed(actor.name(), message.getClass(), outcome,
						(failure != null) ? failure.getClass() : null));
			};
		}

		Observed next() throws InterruptedException {
			Observed next = this.observed.poll(5, TimeUnit.SECONDS);
			assertThat(next).as("an observed message").isNotNull();
			return next;
		}

	}

	/** Carries {@link #CURRENT}. */
	static final class ThreadLocalPropagator implements ContextPropagator {

		@Override
		public @Nullable Object capture() {
			return CURRENT.get();
		}

		@Override
		public Scope restore(Object context) {
			String previous = CURRENT.get();
			CURRENT.set((String) context);
			return () -> CURRENT.set(previous);
		}

	}

	record Begin() {
	}

	record Tick() {
	}

	static final class Greeter {

		@Handles
		String greet(String name) {
			return "Hello, " + name;
		}

		@Handles
		void fail(Integer number) {
			throw new IllegalArgumentException("no numbers: " + number);
		}

	}

	/** Starts a timer, watches an actor it then stops, and pipes an outcome to itself. */
	static final class Watcher {

		private final ActorRef watched;

		Watcher(ActorRef watched) {
			this.watched = watched;
		}

		@Handles
		void on(Begin begin, ActorContext context) {
			context.timers().startSingle("tick", new Tick(), Duration.ofMillis(1));
		}

		@Handles
		void on(Tick tick, ActorContext context) {
			context.watch(this.watched);
			this.watched.send(new Stop());
		}

		@Handles
		void on(Terminated terminated, ActorContext context) {
			context.pipeToSelf(CompletableFuture.completedFuture("piped"), (value, failure) -> value);
		}

		@Handles
		void on(String piped) {
		}

	}

}
