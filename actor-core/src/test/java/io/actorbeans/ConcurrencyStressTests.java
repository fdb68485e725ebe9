package io.actorbeans;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runtime under many threads: replies that never mix, per-sender FIFO, many actors,
 * stops under load, fairness, and fail-fast calls while an actor stops.
 * <p>
 * Each test is bounded in time; none asserts a speed figure. A bound only proves that
 * nothing waited for a timeout or starved.
 */
class ConcurrencyStressTests {

	private ActorSystem system = start(ActorSystemSettings.defaults());

	private final List<Thread> threads = new ArrayList<>();

	@AfterEach
	void close() throws InterruptedException {
		for (Thread thread : this.threads) {
			thread.interrupt();
			thread.join(TimeUnit.SECONDS.toMillis(5));
		}
		this.system.close();
	}

	private static ActorSystem start(ActorSystemSettings settings) {
		return ActorSystem.create(settings.withName("stress-tests").withShutdownTimeout(Duration.ofSeconds(5)));
	}

	private void restart(ActorSystemSettings settings) {
		this.system.close();
		this.system = start(settings);
	}

	@Test
	@Timeout(value = 20, unit = TimeUnit.SECONDS)
	void manyThreadsSharingOneBridgeEachGetTheirOwnReplies() throws Exception {
		int callers = 32;
		int callsPerCaller = 2_000;
		int actors = 4;
		ActorRef[] echoes = new ActorRef[actors];
		for (int i = 0; i < actors; i++) {
			echoes[i] = this.system.spawn("echo-" + i, new Echo());
		}
		Bridge bridge = this.system.bridge();
		LongAdder rightReplies = new LongAdder();
		Queue<String> wrongReplies = new ConcurrentLinkedQueue<>();
		Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
		CyclicBarrier start = new CyclicBarrier(callers);
		for (int c = 0; c < callers; c++) {
			int caller = c;
			startThread("caller-" + c, () -> {
				start.await();
				for (int seq = 0; seq < callsPerCaller; seq++) {
					ActorRef echo = echoes[(caller + seq) % actors];
					Answer answer = bridge.call(echo, new Question(caller, seq), Duration.ofSeconds(10));
					if (answer.equals(Answer.to(caller, seq, echo.name()))) {
						rightReplies.increment();
					}
					else if (wrongReplies.size() < 10) {
						wrongReplies.add("caller " + caller + " call " + seq + " got " + answer);
					}
				}
			}, failures);
		}
		joinAll();
		assertThat(failures).isEmpty();
		assertThat(wrongReplies).isEmpty();
		assertThat(rightReplies.sum()).isEqualTo((long) callers * callsPerCaller);
	}

	@Test
	@Timeout(value = 20, unit = TimeUnit.SECONDS)
	void manySendersToOneActorKeepTheirOrderAndLoseNothing() throws Exception {
		int senders = 8;
		int messagesPerSender = 100_000;
		ActorRef recorder = this.system.spawn("sequence-recorder", new SequenceRecorder(senders));
		Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
		CyclicBarrier start = new CyclicBarrier(senders);
		for (int s = 0; s < senders; s++) {
			int sender = s;
			startThread("sender-" + s, () -> {
				start.await();
				for (int seq = 1; seq <= messagesPerSender; seq++) {
					recorder.send(new Sequenced(sender, seq));
				}
			}, failures);
		}
		joinAll();
		assertThat(failures).isEmpty();
		// sent after every message above: it is handled after them
		SequenceReport report = this.system.bridge().call(recorder, new GetReport(), Duration.ofSeconds(10));
		assertThat(report.outOfOrder()).isZero();
		assertThat(report.received()).isEqualTo((long) senders * messagesPerSender);
		assertThat(report.lastPerSender()).containsOnly(messagesPerSender);
	}

	@Test
	@Timeout(value = 30, unit = TimeUnit.SECONDS)
	void oneHundredThousandActorsEachHandleTheirMessageAndAreGoneAfterShutdown() throws Exception {
		int actors = 100_000;
		CountDownLatch handled = new CountDownLatch(actors);
		AtomicInteger handledCount = new AtomicInteger();
		for (int i = 0; i < actors; i++) {
			ActorRef actor = this.system.spawn("many-" + i, new CountDown(handled, handledCount));
			actor.send(new Tick());
		}
		assertThat(handled.await(15, TimeUnit.SECONDS)).as("all %d messages handled", actors).isTrue();
		assertThat(handledCount).hasValue(actors);
		assertThat(this.system.actors()).hasSize(actors);
		ShutdownReport report = this.system.shutdown(Duration.ofSeconds(10));
		assertThat(report.completed()).isTrue();
		assertThat(report.actorsStopped()).as("actors stopped, as the shutdown report counts them").isEqualTo(actors);
		assertThat(this.system.actors()).isEmpty();
		assertThat(this.system.lookup("many-0")).isEmpty();
		assertThat(handledCount).hasValue(actors);
	}

	@Test
	@Timeout(value = 20, unit = TimeUnit.SECONDS)
	void stopUnderLoadAccountsForEveryMessageAsHandledOrDeadLetter() throws Exception {
		int senders = 4;
		int sentAfterStop = 2_000;
		AtomicLong handled = new AtomicLong();
		ActorRef target = this.system.spawn("stopped-under-load", new Counter(handled));
		LongAdder deadLetters = new LongAdder();
		LongAdder otherDeadLetters = new LongAdder();
		this.system.addDeadLetterListener((deadLetter) -> {
			if (deadLetter.recipient() == target && deadLetter.message() instanceof Tick
					&& deadLetter.reason() == DeadLetter.Reason.STOPPED) {
				deadLetters.increment();
			}
			else {
				otherDeadLetters.increment();
			}
		});
		AtomicBoolean stopSent = new AtomicBoolean();
		LongAdder sent = new LongAdder();
		Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
		CyclicBarrier start = new CyclicBarrier(senders + 1);
		for (int s = 0; s < senders; s++) {
			startThread("load-" + s, () -> {
				start.await();
				while (!stopSent.get()) {
					target.send(new Tick());
					sent.increment();
				}
				for (int i = 0; i < sentAfterStop; i++) {
					target.send(new Tick());
					sent.increment();
				}
			}, failures);
		}
		start.await();
		awaitUntil(() -> handled.get() >= 10_000, "the actor to handle messages");
		target.send(new Stop());
		stopSent.set(true);
		joinAll();
		assertThat(failures).isEmpty();
		awaitUntil(() -> this.system.lookup("stopped-under-load").isEmpty(), "the actor to stop");
		long expected = sent.sum();
		awaitUntil(() -> handled.get() + deadLetters.sum() >= expected, "every message handled or dead-lettered");
		assertThat(handled.get() + deadLetters.sum()).isEqualTo(expected);
		assertThat(deadLetters.sum()).isGreaterThanOrEqualTo((long) senders * sentAfterStop);
		assertThat(otherDeadLetters.sum()).isZero();
	}

	@Test
	@Timeout(value = 20, unit = TimeUnit.SECONDS)
	void anActorThatKeepsSendingToItselfDoesNotStarveABridgeCallToAnotherActor() {
		restart(ActorSystemSettings.defaults().withSharedPoolSize(1).withThroughput(5));
		AtomicLong spins = new AtomicLong();
		ActorRef spinner = this.system.spawn("spinner", new Spinner(spins));
		ActorRef echo = this.system.spawn("patient-echo", new Echo());
		spinner.send(new Spin());
		try {
			awaitUntil(() -> spins.get() >= 1_000, "the spinner to spin");
			Answer answer = this.system.bridge().call(echo, new Question(1, 1), Duration.ofSeconds(3));
			assertThat(answer).isEqualTo(Answer.to(1, 1, "patient-echo"));
		}
		finally {
			spinner.send(new Stop());
		}
	}

	@Test
	@Timeout(value = 20, unit = TimeUnit.SECONDS)
	void anActorThatKeepsSendingToItselfDoesNotStarveAnotherActorsMessages() throws InterruptedException {
		restart(ActorSystemSettings.defaults().withSharedPoolSize(1).withThroughput(5));
		AtomicLong spins = new AtomicLong();
		ActorRef spinner = this.system.spawn("spinner", new Spinner(spins));
		int messages = 100;
		CountDownLatch handled = new CountDownLatch(messages);
		ActorRef other = this.system.spawn("patient-counter", new CountDown(handled, new AtomicInteger()));
		spinner.send(new Spin());
		try {
			awaitUntil(() -> spins.get() >= 1_000, "the spinner to spin");
			for (int i = 0; i < messages; i++) {
				other.send(new Tick());
			}
			assertThat(handled.await(3, TimeUnit.SECONDS)).as("the other actor's messages handled").isTrue();
		}
		finally {
			spinner.send(new Stop());
		}
	}

	@Test
	@Timeout(value = 20, unit = TimeUnit.SECONDS)
	void twoActorsThatKeepMessagingEachOtherDoNotStarveABridgeCallToAThirdActor() {
		restart(ActorSystemSettings.defaults().withSharedPoolSize(1).withThroughput(5));
		AtomicLong rallies = new AtomicLong();
		ActorRef ping = this.system.spawn("rally-ping", new Rally(rallies));
		ActorRef pong = this.system.spawn("rally-pong", new Rally(rallies));
		ActorRef echo = this.system.spawn("rally-spectator", new Echo());
		ping.send(new Ball(), pong);
		try {
			awaitUntil(() -> rallies.get() >= 1_000, "the rally to start");
			Answer answer = this.system.bridge().call(echo, new Question(2, 2), Duration.ofSeconds(3));
			assertThat(answer).isEqualTo(Answer.to(2, 2, "rally-spectator"));
		}
		finally {
			ping.send(new Stop());
			pong.send(new Stop());
		}
	}

	@Test
	@Timeout(value = 20, unit = TimeUnit.SECONDS)
	void callsToAnActorThatStopsMidwayReturnTheirReplyOrFailFast() throws Exception {
		int callers = 16;
		Duration callTimeout = Duration.ofSeconds(30);
		ActorRef echo = this.system.spawn("stops-midway", new Echo());
		Bridge bridge = this.system.bridge();
		AtomicLong replies = new AtomicLong();
		AtomicLong stoppedCalls = new AtomicLong();
		AtomicLong slowestCallNanos = new AtomicLong();
		Queue<String> wrongReplies = new ConcurrentLinkedQueue<>();
		Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
		CyclicBarrier start = new CyclicBarrier(callers + 1);
		for (int c = 0; c < callers; c++) {
			int caller = c;
			startThread("midway-caller-" + c, () -> {
				start.await();
				for (int seq = 0;; seq++) {
					long began = System.nanoTime();
					try {
						Answer answer = bridge.call(echo, new Question(caller, seq), callTimeout);
						if (answer.equals(Answer.to(caller, seq, "stops-midway"))) {
							replies.incrementAndGet();
						}
						else {
							wrongReplies.add("caller " + caller + " call " + seq + " got " + answer);
						}
					}
					catch (ActorStoppedException ex) {
						assertThat(ex.actor()).isEqualTo("stops-midway");
						assertThat(ex.getMessage()).contains("'stops-midway'");
						stoppedCalls.incrementAndGet();
						return;
					}
					finally {
						slowestCallNanos.accumulateAndGet(System.nanoTime() - began, Math::max);
					}
				}
			}, failures);
		}
		start.await();
		awaitUntil(() -> replies.get() >= 2_000, "calls to be answered");
		echo.send(new Stop());
		// a call that waited for its 30 s timeout would break the test's own bound
		joinAll();
		assertThat(failures).isEmpty();
		assertThat(wrongReplies).isEmpty();
		assertThat(stoppedCalls).hasValue(callers);
		assertThat(Duration.ofNanos(slowestCallNanos.get())).isLessThan(Duration.ofSeconds(10));
	}

	// helpers

	@FunctionalInterface
	interface Work {

		void run() throws Exception;

	}

	private void startThread(String name, Work work, Queue<Throwable> failures) {
		Thread thread = new Thread(() -> {
			try {
				work.run();
			}
			catch (Throwable ex) {
				failures.add(ex);
			}
		}, name);
		this.threads.add(thread);
		thread.start();
	}

	private void joinAll() throws InterruptedException {
		for (Thread thread : this.threads) {
			thread.join();
		}
	}

	static void awaitUntil(BooleanSupplier condition, String what) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Waited 10 s for " + what);
			}
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	// messages and behaviours

	record Question(int caller, int seq) {
	}

	record Answer(int caller, int seq, String actor, long check) {

		static Answer to(int caller, int seq, String actor) {
			return new Answer(caller, seq, actor, caller * 1_000_003L + seq);
		}

	}

	record Tick() {
	}

	record Spin() {
	}

	record Ball() {
	}

	record Sequenced(int sender, int seq) {
	}

	record GetReport() {
	}

	record SequenceReport(long received, long outOfOrder, List<Integer> lastPerSender) {
	}

	/** Answers each question with a value derived from it, and its own name. */
	static final class Echo {

		@Handles
		Answer onQuestion(Question question, ActorContext context) {
			return Answer.to(question.caller(), question.seq(), context.self().name());
		}

	}

	/** Checks that the messages of each sender come in the order they were sent. */
	static final class SequenceRecorder {

		private final int[] last;

		private long received;

		private long outOfOrder;

		SequenceRecorder(int senders) {
			this.last = new int[senders];
		}

		@Handles
		void onSequenced(Sequenced message) {
			this.received++;
			if (message.seq() != this.last[message.sender()] + 1) {
				this.outOfOrder++;
			}
			this.last[message.sender()] = message.seq();
		}

		@Handles
		SequenceReport onGetReport(GetReport request) {
			List<Integer> lastPerSender = new ArrayList<>();
			for (int seq : this.last) {
				lastPerSender.add(seq);
			}
			return new SequenceReport(this.received, this.outOfOrder, lastPerSender);
		}

	}

	/** Counts down a latch for each tick. */
	static final class CountDown {

		private final CountDownLatch latch;

		private final AtomicInteger count;

		CountDown(CountDownLatch latch, AtomicInteger count) {
			this.latch = latch;
			this.count = count;
		}

		@Handles
		void onTick(Tick tick) {
			this.count.incrementAndGet();
			this.latch.countDown();
		}

	}

	/** Counts the ticks it handles. */
	static final class Counter {

		private final AtomicLong handled;

		Counter(AtomicLong handled) {
			this.handled = handled;
		}

		@Handles
		void onTick(Tick tick) {
			this.handled.incrementAndGet();
		}

	}

	/** Returns every ball to its sender: two of them rally forever. */
	static final class Rally {

		private final AtomicLong rallies;

		Rally(AtomicLong rallies) {
			this.rallies = rallies;
		}

		@Handles
		Ball onBall(Ball ball) {
			this.rallies.incrementAndGet();
			return ball;
		}

	}

	/** Sends itself a message for every message it handles: it never runs out of work. */
	static final class Spinner {

		private final AtomicLong spins;

		Spinner(AtomicLong spins) {
			this.spins = spins;
		}

		@Handles
		void onSpin(Spin spin, ActorContext context) {
			this.spins.incrementAndGet();
			context.self().send(spin);
		}

	}

}
