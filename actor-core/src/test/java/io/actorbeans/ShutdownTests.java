package io.actorbeans;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Graceful shutdown: what is handled, what is stopped, and what is reported.
 */
@Timeout(10)
class ShutdownTests {

	private static final Duration ONE_SECOND = Duration.ofSeconds(1);

	// several shared threads, so that an actor stuck in a handler never starves the
	// others, whatever the machine
	private final ActorSystem system = ActorSystem
		.create(ActorSystemSettings.defaults().withName("closing").withSharedPoolSize(4));

	private final BlockingQueue<DeadLetter> deadLetters = new LinkedBlockingQueue<>();

	ShutdownTests() {
		this.system.addDeadLetterListener(this.deadLetters::add);
	}

	@AfterEach
	void shutdown() {
		this.system.close();
	}

	@Test
	void shutdownHandlesEverythingAlreadyAccepted() {
		Warehouse warehouse = new Warehouse();
		ActorRef warehouseRef = this.system.spawn("warehouse", warehouse);
		ActorRef worker = this.system.spawn("worker", new Worker(warehouseRef));
		int tasks = 200;
		for (int i = 0; i < tasks; i++) {
			worker.send(new Task(i));
		}
		// the chain is still in flight: the worker takes about 1 ms per task
		ShutdownReport report = this.system.shutdown(Duration.ofSeconds(5));
		assertThat(warehouse.received).hasValue(tasks);
		assertThat(warehouse.sum).hasValue(tasks * (tasks - 1) / 2);
		assertThat(report.deadLetters()).isZero();
		assertThat(this.system.deadLetterCount()).isZero();
		assertThat(report.actorsStopped()).isEqualTo(2);
		assertThat(report.actorsNotStopped()).isEmpty();
		assertThat(report.completed()).isTrue();
		assertThat(report.took()).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void shutdownStopsAllActors() {
		ActorRef one = this.system.spawn("one", new Echo());
		this.system.spawn("two", new Echo(), SpawnOptions.defaults().withDispatcher(Dispatcher.THREAD));
		this.system.spawn("three", new Echo(), SpawnOptions.defaults().withMailboxCapacity(4));
		assertThat(this.system.actors()).hasSize(3);
		assertThat(this.system.isShutdown()).isFalse();
		ShutdownReport report = this.system.shutdown(Duration.ofSeconds(2));
		assertThat(this.system.isShutdown()).isTrue();
		assertThat(report.actorsStopped()).isEqualTo(3);
		assertThat(report.completed()).isTrue();
		assertThat(report.actorsNotStopped()).isEmpty();
		assertThat(this.system.actors()).isEmpty();
		assertThat(this.system.lookup("one")).isEmpty();
		// the actors have ended: a message to them is a dead letter
		one.send("late");
		assertThat(this.deadLetters).singleElement()
			.isEqualTo(new DeadLetter("late", null, one, DeadLetter.Reason.STOPPED));
	}

	@Test
	void actorsStoppedBeforeShutdownAreNotCounted() {
		ActorRef one = this.system.spawn("one", new Echo());
		this.system.spawn("two", new Echo());
		this.system.bridge().stop(List.of(one), ONE_SECOND);
		ShutdownReport report = this.system.shutdown(Duration.ofSeconds(2));
		assertThat(report.actorsStopped()).isEqualTo(1);
		assertThat(report.completed()).isTrue();
	}

	@Test
	void shutdownOfEmptySystemCompletes() {
		ShutdownReport report = this.system.shutdown(ONE_SECOND);
		assertThat(report.actorsStopped()).isZero();
		assertThat(report.deadLetters()).isZero();
		assertThat(report.completed()).isTrue();
		assertThat(report.took()).isLessThan(ONE_SECOND);
	}

	private List<DeadLetter> pollTo(ActorRef recipient, int count) throws InterruptedException {
		List<DeadLetter> letters = new ArrayList<>();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (letters.size() < count && System.nanoTime() < deadline) {
			DeadLetter letter = this.deadLetters.poll(100, TimeUnit.MILLISECONDS);
			if (letter != null && letter.recipient() == recipient) {
				letters.add(letter);
			}
		}
		return letters;
	}

	@Test
	void stuckActorIsReportedNotStopped() throws InterruptedException {
		Stuck stuck = new Stuck();
		ActorRef stuckRef = this.system.spawn("stuck", stuck);
		this.system.spawn("fine", new Echo());
		try {
			stuckRef.send("first");
			ActorSystemTests.awaitLatch(stuck.entered);
			stuckRef.send("never-1");
			stuckRef.send("never-2");
			ShutdownReport report = this.system.shutdown(Duration.ofMillis(300));
			assertThat(report.completed()).isFalse();
			assertThat(report.actorsNotStopped()).containsExactly("stuck");
			assertThat(report.actorsStopped()).isEqualTo(1);
			assertThat(report.took()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
			assertThat(this.system.whenTerminated().toCompletableFuture().getNow(null)).isSameAs(report);
			assertThat(stuck.handled).containsExactly("first");
		}
		finally {
			stuck.release.countDown();
		}
		// once the handler returns, the messages it never handled are dead letters (on a
		// loaded machine "fine" may be aborted too, with its Stop as a dead letter)
		List<DeadLetter> letters = pollTo(stuckRef, 2);
		assertThat(letters).extracting(DeadLetter::message).containsExactly("never-1", "never-2");
		assertThat(letters).allSatisfy((letter) -> {
			assertThat(letter.reason()).isEqualTo(DeadLetter.Reason.STOPPED);
			assertThat(letter.recipient()).isSameAs(stuckRef);
		});
		assertThat(this.system.deadLetterCount()).isGreaterThanOrEqualTo(2);
		ActorSystemTests.await(() -> this.system.actors().isEmpty());
		assertThat(stuck.handled).containsExactly("first");
	}

	@Test
	void busyActorIsStoppedAfterQuiescenceTimesOut() throws InterruptedException {
		Ticker ticker = new Ticker();
		ActorRef ref = this.system.spawn("ticker", ticker);
		ref.send(new Tick());
		ActorSystemTests.await(() -> ticker.ticks.get() > 10);
		ShutdownReport report = this.system.shutdown(Duration.ofSeconds(2));
		assertThat(report.completed()).isTrue();
		assertThat(report.actorsStopped()).isEqualTo(1);
		assertThat(this.system.actors()).isEmpty();
		// the tick it sent itself after the Stop is a dead letter
		DeadLetter letter = this.deadLetters.poll(1, TimeUnit.SECONDS);
		assertThat(letter).isNotNull();
		assertThat(letter.message()).isEqualTo(new Tick());
		assertThat(letter.reason()).isEqualTo(DeadLetter.Reason.STOPPED);
		assertThat(report.deadLetters()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void bridgeCallAcceptedBeforeShutdownIsAnswered() throws Exception {
		Stuck stuck = new Stuck();
		ActorRef ref = this.system.spawn("slow", stuck);
		ref.send("first");
		ActorSystemTests.awaitLatch(stuck.entered);
		CompletableFuture<String> answer = this.system.bridge().ask(ref, new Question(), Duration.ofSeconds(3));
		CompletableFuture<ShutdownReport> report = CompletableFuture
			.supplyAsync(() -> this.system.shutdown(Duration.ofSeconds(3)));
		ActorSystemTests.await(this.system::isShutdown);
		Thread.sleep(50);
		assertThat(answer).isNotDone();
		stuck.release.countDown();
		assertThat(answer.get(2, TimeUnit.SECONDS)).isEqualTo("answer");
		assertThat(report.get(3, TimeUnit.SECONDS).completed()).isTrue();
	}

	@Test
	void shutdownHandlesChainAcrossDispatchers() {
		Warehouse warehouse = new Warehouse();
		ActorRef warehouseRef = this.system.spawn("warehouse", warehouse,
				SpawnOptions.defaults().withDispatcher(Dispatcher.THREAD));
		ActorRef worker = this.system.spawn("worker", new Worker(warehouseRef));
		for (int i = 0; i < 100; i++) {
			worker.send(new Task(i));
		}
		ShutdownReport report = this.system.shutdown(Duration.ofSeconds(5));
		assertThat(warehouse.received).hasValue(100);
		assertThat(report.deadLetters()).isZero();
		assertThat(report.completed()).isTrue();
	}

	@Test
	void shutdownReturnsAfterTheTerminationListenersOfItsActorsHaveRun() {
		AtomicInteger announced = new AtomicInteger();
		this.system.addTerminationListener((actor) -> {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			announced.incrementAndGet();
		});
		for (int i = 0; i < 3; i++) {
			this.system.spawn("ending-" + i, new Echo());
		}
		ShutdownReport report = this.system.shutdown(Duration.ofSeconds(5));
		assertThat(report.actorsStopped()).isEqualTo(3);
		assertThat(announced).hasValue(3);
	}

	@Test
	void closeTwiceIsFine() {
		this.system.spawn("one", new Echo());
		this.system.close();
		assertThat(this.system.isShutdown()).isTrue();
		this.system.close();
		ShutdownReport again = this.system.shutdown(ONE_SECOND);
		assertThat(again).isSameAs(this.system.whenTerminated().toCompletableFuture().join());
		assertThat(again.actorsStopped()).isEqualTo(1);
	}

	@Test
	void concurrentShutdownWaitsForTheFirst() throws Exception {
		Stuck stuck = new Stuck();
		ActorRef ref = this.system.spawn("slow", stuck);
		ref.send("first");
		ActorSystemTests.awaitLatch(stuck.entered);
		Thread releaser = new Thread(() -> {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			stuck.release.countDown();
		});
		releaser.start();
		CompletableFuture<ShutdownReport> first = CompletableFuture
			.supplyAsync(() -> this.system.shutdown(Duration.ofSeconds(3)));
		ActorSystemTests.await(this.system::isShutdown);
		ShutdownReport second = this.system.shutdown(Duration.ofSeconds(3));
		assertThat(second).isSameAs(first.get(3, TimeUnit.SECONDS));
		assertThat(second.completed()).isTrue();
		releaser.join();
	}

	@Test
	void whenTerminatedCompletesWithTheReport() throws Exception {
		this.system.spawn("one", new Echo());
		CompletableFuture<ShutdownReport> terminated = this.system.whenTerminated().toCompletableFuture();
		assertThat(terminated).isNotDone();
		ShutdownReport report = this.system.shutdown(ONE_SECOND);
		assertThat(terminated.get(1, TimeUnit.SECONDS)).isSameAs(report);
		assertThat(this.system.whenTerminated().toCompletableFuture().get(1, TimeUnit.SECONDS)).isSameAs(report);
	}

	@Test
	void shutdownRefusesSpawnsAndBridgeCalls() {
		ActorRef ref = this.system.spawn("one", new Echo());
		this.system.shutdown(ONE_SECOND);
		assertThat(this.system.isShutdown()).isTrue();
		assertThatExceptionOfType(ActorSystemShutdownException.class)
			.isThrownBy(() -> this.system.spawn("two", new Echo()))
			.withMessageContaining("closing");
		assertThatExceptionOfType(ActorSystemShutdownException.class)
			.isThrownBy(() -> this.system.bridge().call(ref, "hello", ONE_SECOND))
			.withMessageContaining("'one'");
		assertThatExceptionOfType(ActorSystemShutdownException.class)
			.isThrownBy(() -> this.system.bridge().send(ref, "hello"));
	}

	@Test
	void closeUsesShutdownTimeoutFromSettings() {
		ActorSystem quick = ActorSystem
			.create(ActorSystemSettings.defaults().withName("quick").withShutdownTimeout(Duration.ofMillis(200)));
		Stuck stuck = new Stuck();
		ActorRef ref = quick.spawn("stuck", stuck);
		try {
			ref.send("first");
			ActorSystemTests.awaitLatch(stuck.entered);
			long start = System.nanoTime();
			quick.close();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
			ShutdownReport report = quick.whenTerminated().toCompletableFuture().join();
			assertThat(report.actorsNotStopped()).containsExactly("stuck");
		}
		finally {
			stuck.release.countDown();
			quick.shutdown(ONE_SECOND);
		}
	}

	// Messages and behaviours

	record Task(int value) {
	}

	record Tick() {
	}

	record Question() {
	}

	static final class Ticker {

		final AtomicInteger ticks = new AtomicInteger();

		@Handles
		void onTick(Tick tick, ActorContext context) throws InterruptedException {
			this.ticks.incrementAndGet();
			Thread.sleep(1);
			context.self().send(tick);
		}

	}

	static final class Worker {

		private final ActorRef warehouse;

		Worker(ActorRef warehouse) {
			this.warehouse = warehouse;
		}

		@Handles
		void onTask(Task task, ActorContext context) throws InterruptedException {
			Thread.sleep(1);
			this.warehouse.send(task.value(), context.self());
		}

	}

	static final class Warehouse {

		final AtomicInteger received = new AtomicInteger();

		final AtomicInteger sum = new AtomicInteger();

		@Handles
		void onResult(Integer result) {
			this.received.incrementAndGet();
			this.sum.addAndGet(result);
		}

	}

	static final class Echo {

		@Handles
		String onString(String message) {
			return message;
		}

	}

	static final class Stuck {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final List<String> handled = new CopyOnWriteArrayList<>();

		@Handles
		void onString(String message) throws InterruptedException {
			this.handled.add(message);
			if (message.equals("first")) {
				this.entered.countDown();
				this.release.await(5, TimeUnit.SECONDS);
			}
		}

		@Handles
		String onQuestion(Question question) {
			return "answer";
		}

	}

}
