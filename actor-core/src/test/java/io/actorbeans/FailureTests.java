package io.actorbeans;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What happens when a handler throws: logging, counting and each {@link FailurePolicy}.
 */
@Timeout(10)
class FailureTests {

	private static final Duration ONE_SECOND = Duration.ofSeconds(1);

	private static final String CELL_LOGGER = "io.actorbeans.internal.ActorCell";

	private final ActorSystem system = ActorSystem.create();

	private final BlockingQueue<DeadLetter> deadLetters = new LinkedBlockingQueue<>();

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private Logger cellLogger;

	private Level previousLevel;

	private boolean previousAdditive;

	@BeforeEach
	void captureLog() {
		this.cellLogger = (Logger) LoggerFactory.getLogger(CELL_LOGGER);
		this.previousLevel = this.cellLogger.getLevel();
		this.previousAdditive = this.cellLogger.isAdditive();
		this.cellLogger.setLevel(Level.INFO);
		this.cellLogger.setAdditive(false);
		this.appender.setContext(this.cellLogger.getLoggerContext());
		this.appender.start();
		this.cellLogger.addAppender(this.appender);
		this.system.addDeadLetterListener(this.deadLetters::add);
	}

	@AfterEach
	void shutdown() {
		try {
			this.system.close();
		}
		finally {
			this.cellLogger.detachAppender(this.appender);
			this.appender.stop();
			this.cellLogger.setLevel(this.previousLevel);
			this.cellLogger.setAdditive(this.previousAdditive);
		}
	}

	// Logging and counting

	@Test
	void failureIsLoggedWithActorMessageClassHandlerAndException() {
		ActorRef ref = this.system.spawn("counter", new Counter());
		IllegalStateException boom = new IllegalStateException("boom");
		ref.send(new Fail(boom));
		ActorSystemTests.await(() -> !warnings().isEmpty());
		ILoggingEvent event = warnings().get(0);
		assertThat(event.getLoggerName()).isEqualTo(CELL_LOGGER);
		assertThat(event.getLevel().isGreaterOrEqual(Level.WARN)).isTrue();
		assertThat(event.getFormattedMessage()).contains("'counter'")
			.contains(Fail.class.getName())
			.contains("onFail(Fail)");
		IThrowableProxy thrown = event.getThrowableProxy();
		assertThat(thrown).isNotNull();
		assertThat(thrown.getClassName()).isEqualTo(IllegalStateException.class.getName());
		assertThat(thrown.getMessage()).isEqualTo("boom");
	}

	@Test
	void failureIsCounted() {
		ActorRef ref = this.system.spawn("counter", new Counter());
		ref.send(new Fail(new IllegalStateException("one")));
		ref.send(new Increment());
		ref.send(new Fail(new IllegalArgumentException("two")));
		assertThat(this.system.bridge().<Integer>call(ref, new Get(), ONE_SECOND)).isEqualTo(1);
		ActorSystemTests.await(() -> this.system.actor("counter").get().processed() == 4);
		ActorInfo info = this.system.actor("counter").get();
		assertThat(info.failures()).isEqualTo(2);
		assertThat(info.processed()).isEqualTo(4);
		assertThat(info.state()).isEqualTo(ActorState.RUNNING);
	}

	@Test
	void bridgeCallFailsWithHandlerFailedExceptionCarryingTheCause() {
		ActorRef ref = this.system.spawn("counter", new Counter());
		IllegalStateException boom = new IllegalStateException("boom");
		assertThatExceptionOfType(HandlerFailedException.class)
			.isThrownBy(() -> this.system.bridge().call(ref, new Fail(boom), ONE_SECOND))
			.withMessageContaining("'counter'")
			.havingCause()
			.isSameAs(boom);
	}

	@Test
	void checkedExceptionAndErrorAreFailuresToo() {
		ActorRef ref = this.system.spawn("counter", new Counter());
		Exception checked = new Exception("checked");
		AssertionError error = new AssertionError("error");
		assertThatExceptionOfType(HandlerFailedException.class)
			.isThrownBy(() -> this.system.bridge().call(ref, new FailChecked(checked), ONE_SECOND))
			.havingCause()
			.isSameAs(checked);
		assertThatExceptionOfType(HandlerFailedException.class)
			.isThrownBy(() -> this.system.bridge().call(ref, new FailError(error), ONE_SECOND))
			.havingCause()
			.isSameAs(error);
		ref.send(new Increment());
		assertThat(this.system.bridge().<Integer>call(ref, new Get(), ONE_SECOND)).isEqualTo(1);
		assertThat(this.system.actor("counter").get().failures()).isEqualTo(2);
	}

	// RESUME

	@Test
	void resumeKeepsStateAndGoesOn() {
		ActorRef ref = this.system.spawn("counter", new Counter(),
				SpawnOptions.defaults().withFailurePolicy(FailurePolicy.RESUME));
		ref.send(new Increment());
		ref.send(new Increment());
		ref.send(new Fail(new IllegalStateException("boom")));
		ref.send(new Increment());
		assertThat(this.system.bridge().<Integer>call(ref, new Get(), ONE_SECOND)).isEqualTo(3);
		assertThat(this.system.lookup("counter")).containsSame(ref);
		assertThat(this.system.actor("counter").get().state()).isEqualTo(ActorState.RUNNING);
		assertThat(this.deadLetters).isEmpty();
		assertThat(warnings()).singleElement()
			.satisfies((event) -> assertThat(event.getFormattedMessage()).contains("RESUME"));
	}

	@Test
	void resumeIsTheDefault() {
		ActorRef ref = this.system.spawn("counter", new Counter());
		ref.send(new Increment());
		ref.send(new Fail(new IllegalStateException("boom")));
		ref.send(new Increment());
		assertThat(this.system.bridge().<Integer>call(ref, new Get(), ONE_SECOND)).isEqualTo(2);
	}

	// STOP

	@Test
	void stopEndsTheActorAsFailed() throws InterruptedException {
		ActorRef ref = this.system.spawn("counter", new Counter(),
				SpawnOptions.defaults().withFailurePolicy(FailurePolicy.STOP));
		ref.send(new Increment());
		IllegalStateException boom = new IllegalStateException("boom");
		assertThatExceptionOfType(HandlerFailedException.class)
			.isThrownBy(() -> this.system.bridge().call(ref, new Fail(boom), ONE_SECOND))
			.havingCause()
			.isSameAs(boom);
		ActorSystemTests.await(() -> this.system.lookup("counter").isEmpty());
		assertThat(this.system.actors()).extracting(ActorInfo::name).doesNotContain("counter");
		ref.send(new Increment());
		DeadLetter letter = DispatchTests.poll(this.deadLetters, 1).get(0);
		assertThat(letter.message()).isEqualTo(new Increment());
		assertThat(letter.reason()).isEqualTo(DeadLetter.Reason.STOPPED);
		assertThat(letter.recipient()).isSameAs(ref);
		assertThatExceptionOfType(ActorStoppedException.class)
			.isThrownBy(() -> this.system.bridge().call(ref, new Get(), ONE_SECOND))
			.withMessageContaining("'counter'");
		assertThat(warnings()).singleElement()
			.satisfies((event) -> assertThat(event.getFormattedMessage()).contains("STOP"));
	}

	@Test
	void stopMakesMessagesBehindTheFailureDeadLetters() throws InterruptedException {
		ActorRef ref = this.system.spawn("counter", new Counter(),
				SpawnOptions.defaults().withFailurePolicy(FailurePolicy.STOP));
		ref.send(new Fail(new IllegalStateException("boom")));
		ref.send(new Increment());
		ref.send(new Get());
		List<DeadLetter> letters = DispatchTests.poll(this.deadLetters, 2);
		assertThat(letters).extracting(DeadLetter::message).containsExactly(new Increment(), new Get());
		assertThat(letters).extracting(DeadLetter::reason).containsOnly(DeadLetter.Reason.STOPPED);
		ActorSystemTests.await(() -> this.system.lookup("counter").isEmpty());
	}

	@Test
	void stopFromSystemSettings() {
		try (ActorSystem stopping = ActorSystem
			.create(ActorSystemSettings.defaults().withName("stopping").withFailurePolicy(FailurePolicy.STOP))) {
			ActorRef ref = stopping.spawn("counter", new Counter());
			assertThatExceptionOfType(HandlerFailedException.class)
				.isThrownBy(() -> stopping.bridge().call(ref, new Fail(new IllegalStateException()), ONE_SECOND));
			ActorSystemTests.await(() -> stopping.lookup("counter").isEmpty());
		}
	}

	// RESTART

	@Test
	void restartMakesFreshBehaviorFromFactoryAndGoesOn() {
		AtomicInteger created = new AtomicInteger();
		ActorRef ref = this.system.spawn("counter", () -> {
			created.incrementAndGet();
			return new Counter();
		}, SpawnOptions.defaults().withFailurePolicy(FailurePolicy.RESTART));
		assertThat(created).hasValue(1);
		ref.send(new Increment());
		ref.send(new Increment());
		assertThat(this.system.bridge().<Integer>call(ref, new Get(), ONE_SECOND)).isEqualTo(2);
		IllegalStateException boom = new IllegalStateException("boom");
		assertThatExceptionOfType(HandlerFailedException.class)
			.isThrownBy(() -> this.system.bridge().call(ref, new Fail(boom), ONE_SECOND))
			.havingCause()
			.isSameAs(boom);
		assertThat(this.system.bridge().<Integer>call(ref, new Get(), ONE_SECOND)).isZero();
		assertThat(created).hasValue(2);
		ref.send(new Increment());
		assertThat(this.system.bridge().<Integer>call(ref, new Get(), ONE_SECOND)).isEqualTo(1);
		assertThat(this.system.lookup("counter")).containsSame(ref);
		ActorInfo info = this.system.actor("counter").get();
		assertThat(info.state()).isEqualTo(ActorState.RUNNING);
		assertThat(info.failures()).isEqualTo(1);
		assertThat(this.deadLetters).isEmpty();
	}

	@Test
	void restartHandlesMessagesQueuedBehindTheFailureWithFreshBehavior() {
		ActorRef ref = this.system.spawn("counter", Counter::new,
				SpawnOptions.defaults().withFailurePolicy(FailurePolicy.RESTART));
		ref.send(new Increment());
		ref.send(new Fail(new IllegalStateException("boom")));
		ref.send(new Increment());
		ref.send(new Increment());
		assertThat(this.system.bridge().<Integer>call(ref, new Get(), ONE_SECOND)).isEqualTo(2);
	}

	@Test
	void restartWhoseFactoryThrowsStopsTheActor() throws InterruptedException {
		AtomicInteger created = new AtomicInteger();
		ActorRef ref = this.system.spawn("counter", () -> {
			if (created.incrementAndGet() > 1) {
				throw new IllegalStateException("no more counters");
			}
			return new Counter();
		}, SpawnOptions.defaults().withFailurePolicy(FailurePolicy.RESTART));
		assertThatExceptionOfType(HandlerFailedException.class)
			.isThrownBy(() -> this.system.bridge().call(ref, new Fail(new IllegalStateException("boom")), ONE_SECOND));
		ActorSystemTests.await(() -> this.system.lookup("counter").isEmpty());
		assertThat(created).hasValue(2);
		ref.send(new Increment());
		DeadLetter letter = DispatchTests.poll(this.deadLetters, 1).get(0);
		assertThat(letter.reason()).isEqualTo(DeadLetter.Reason.STOPPED);
		assertThat(letter.message()).isEqualTo(new Increment());
		assertThatExceptionOfType(ActorStoppedException.class)
			.isThrownBy(() -> this.system.bridge().call(ref, new Get(), ONE_SECOND));
		assertThat(events()).anySatisfy((event) -> {
			assertThat(event.getFormattedMessage()).contains("'counter'");
			assertThat(event.getThrowableProxy()).isNotNull();
			assertThat(event.getThrowableProxy().getMessage()).isEqualTo("no more counters");
		});
	}

	@Test
	void restartWhoseFactoryThrowsErrorStopsTheActor() throws InterruptedException {
		AtomicInteger created = new AtomicInteger();
		ActorRef ref = this.system.spawn("counter", () -> {
			if (created.incrementAndGet() > 1) {
				throw new NoClassDefFoundError("com/example/Missing");
			}
			return new Counter();
		}, SpawnOptions.defaults().withFailurePolicy(FailurePolicy.RESTART));
		try {
			assertThatExceptionOfType(HandlerFailedException.class).isThrownBy(
					() -> this.system.bridge().call(ref, new Fail(new IllegalStateException("boom")), ONE_SECOND));
			ActorSystemTests.await(() -> this.system.lookup("counter").isEmpty(), Duration.ofSeconds(2));
			ref.send(new Increment());
			DeadLetter letter = DispatchTests.poll(this.deadLetters, 1).get(0);
			assertThat(letter.reason()).isEqualTo(DeadLetter.Reason.STOPPED);
			assertThat(letter.message()).isEqualTo(new Increment());
		}
		finally {
			// an actor left stuck would hold close() for its whole timeout
			this.system.shutdown(Duration.ofMillis(300));
		}
	}

	@Test
	void restartWhoseFactoryReturnsInvalidBehaviorStopsTheActor() {
		AtomicInteger created = new AtomicInteger();
		ActorRef ref = this.system.spawn("counter",
				() -> (created.incrementAndGet() > 1) ? new Invalid() : new Counter(),
				SpawnOptions.defaults().withFailurePolicy(FailurePolicy.RESTART));
		assertThatExceptionOfType(HandlerFailedException.class)
			.isThrownBy(() -> this.system.bridge().call(ref, new Fail(new IllegalStateException("boom")), ONE_SECOND));
		ActorSystemTests.await(() -> this.system.lookup("counter").isEmpty());
		assertThatExceptionOfType(ActorStoppedException.class)
			.isThrownBy(() -> this.system.bridge().call(ref, new Get(), ONE_SECOND));
	}

	@Test
	void restartWhoseFactoryReturnsNullStopsTheActor() {
		AtomicInteger created = new AtomicInteger();
		ActorRef ref = this.system.spawn("counter", () -> (created.incrementAndGet() > 1) ? null : new Counter(),
				SpawnOptions.defaults().withFailurePolicy(FailurePolicy.RESTART));
		assertThatExceptionOfType(HandlerFailedException.class)
			.isThrownBy(() -> this.system.bridge().call(ref, new Fail(new IllegalStateException("boom")), ONE_SECOND));
		ActorSystemTests.await(() -> this.system.lookup("counter").isEmpty());
		assertThatExceptionOfType(ActorStoppedException.class)
			.isThrownBy(() -> this.system.bridge().call(ref, new Get(), ONE_SECOND));
	}

	// Helpers

	private List<ILoggingEvent> events() {
		synchronized (this.appender) {
			return List.copyOf(this.appender.list);
		}
	}

	private List<ILoggingEvent> warnings() {
		return events().stream().filter((event) -> event.getLevel().isGreaterOrEqual(Level.WARN)).toList();
	}

	// Messages

	record Increment() {
	}

	record Get() {
	}

	record Fail(RuntimeException exception) {
	}

	record FailChecked(Exception exception) {
	}

	record FailError(Error error) {
	}

	static final class Invalid {

		@Handles
		static void onGet(Get get) {
		}

	}

	static final class Counter {

		private int count;

		@Handles
		void onIncrement(Increment increment) {
			this.count++;
		}

		@Handles
		int onGet(Get get) {
			return this.count;
		}

		@Handles
		void onFail(Fail fail) {
			throw fail.exception();
		}

		@Handles
		void onFailChecked(FailChecked fail) throws Exception {
			throw fail.exception();
		}

		@Handles
		void onFailError(FailError fail) {
			throw fail.error();
		}

	}

}
