package io.actorbeans.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystemSettings;
import io.actorbeans.ActorStoppedException;
import io.actorbeans.Bridge;
import io.actorbeans.CallInterruptedException;
import io.actorbeans.CallTimeoutException;
import io.actorbeans.DeadLetter;
import io.actorbeans.Handles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ReplySlot}: one outcome per slot whoever races for it, late replies as
 * dead letters, waiting, timeouts and interrupts. Bounded in time; no speed figures.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReplySlotTests {

	private final DefaultActorSystem system = (DefaultActorSystem) ActorRuntime
		.start(ActorSystemSettings.defaults().withName("reply-slot-tests").withShutdownTimeout(Duration.ofSeconds(5)));

	private final ActorRef target = this.system.spawn("target", new Echo());

	private final Queue<DeadLetter> lateReplies = new ConcurrentLinkedQueue<>();

	ReplySlotTests() {
		this.system.addDeadLetterListener((deadLetter) -> {
			if (deadLetter.reason() == DeadLetter.Reason.LATE_REPLY) {
				this.lateReplies.add(deadLetter);
			}
		});
	}

	@AfterEach
	void close() {
		this.system.close();
	}

	@Test
	void awaitReturnsAReplySentBeforeIt() throws TimeoutException {
		ReplySlot slot = ReplySlot.forCall(this.system, this.target);
		slot.send("reply", this.target);
		assertThat(slot.await(0)).isEqualTo("reply");
	}

	@Test
	void awaitReturnsAReplySentWhileItIsParked() throws Exception {
		ReplySlot slot = ReplySlot.forCall(this.system, this.target);
		CompletableFuture<Object> reply = new CompletableFuture<>();
		Thread caller = new Thread(() -> {
			try {
				reply.complete(slot.await(TimeUnit.SECONDS.toNanos(30)));
			}
			catch (Throwable ex) {
				reply.completeExceptionally(ex);
			}
		}, "parked-caller");
		caller.start();
		awaitState(caller, Thread.State.TIMED_WAITING);
		slot.send("reply", this.target);
		assertThat(reply.get(5, TimeUnit.SECONDS)).isEqualTo("reply");
	}

	@Test
	void firstReplyWinsAndLaterOnesAreLateReplies() throws TimeoutException {
		ReplySlot slot = ReplySlot.forCall(this.system, this.target);
		slot.send("first", this.target);
		slot.send("second", this.target);
		assertThat(slot.fail(new IllegalStateException("too late"))).isFalse();
		assertThat(slot.await(0)).isEqualTo("first");
		assertThat(this.lateReplies).singleElement().satisfies((late) -> {
			assertThat(late.message()).isEqualTo("second");
			assertThat(late.recipient()).isSameAs(slot);
		});
	}

	@Test
	void failureWinsOverALaterReply() {
		ReplySlot slot = ReplySlot.forCall(this.system, this.target);
		assertThat(slot.fail(new ActorStoppedException("target", "stopped"))).isTrue();
		slot.send("late", this.target);
		assertThatExceptionOfType(ActorStoppedException.class).isThrownBy(() -> slot.await(0));
		assertThat(this.lateReplies).extracting(DeadLetter::message).containsExactly("late");
	}

	@Test
	void timeoutTurnsALaterReplyIntoALateReply() {
		ReplySlot slot = ReplySlot.forCall(this.system, this.target);
		assertThatExceptionOfType(TimeoutException.class).isThrownBy(() -> slot.await(1_000));
		slot.send("late", this.target);
		assertThat(this.lateReplies).extracting(DeadLetter::message).containsExactly("late");
	}

	@Test
	void interruptFailsTheCallKeepsTheInterruptAndTurnsALaterReplyIntoALateReply() throws Exception {
		ReplySlot slot = ReplySlot.forCall(this.system, this.target);
		CompletableFuture<Throwable> failure = new CompletableFuture<>();
		CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
		Thread caller = new Thread(() -> {
			try {
				slot.await(TimeUnit.SECONDS.toNanos(30));
				failure.complete(null);
			}
			catch (Throwable ex) {
				failure.complete(ex);
			}
			interrupted.complete(Thread.currentThread().isInterrupted());
		}, "interrupted-caller");
		caller.start();
		awaitState(caller, Thread.State.TIMED_WAITING);
		caller.interrupt();
		assertThat(failure.get(5, TimeUnit.SECONDS)).isInstanceOf(CallInterruptedException.class)
			.hasMessageContaining("'target'")
			.hasCauseInstanceOf(InterruptedException.class);
		assertThat(interrupted.get(5, TimeUnit.SECONDS)).isTrue();
		slot.send("late", this.target);
		assertThat(this.lateReplies).extracting(DeadLetter::message).containsExactly("late");
	}

	@Test
	void askCompletesItsFutureWithTheOutcome() throws Exception {
		ReplySlot replied = ReplySlot.forAsk(this.system, this.target);
		replied.send("reply", this.target);
		assertThat(replied.future().get(5, TimeUnit.SECONDS)).isEqualTo("reply");
		ReplySlot failed = ReplySlot.forAsk(this.system, this.target);
		failed.fail(new ActorStoppedException("target", "stopped"));
		assertThat(failed.future()).isCompletedExceptionally();
	}

	@Test
	void askWhoseFutureIsCancelledTurnsALaterReplyIntoALateReply() {
		ReplySlot slot = ReplySlot.forAsk(this.system, this.target);
		slot.future().cancel(false);
		slot.send("late", this.target);
		assertThat(this.lateReplies).extracting(DeadLetter::message).containsExactly("late");
	}

	/**
	 * Replies, failures and the caller's timeout race for each of many slots: each slot
	 * ends with exactly one outcome, the caller sees that outcome, and every reply that
	 * lost is a late reply.
	 */
	@Test
	void racingRepliesFailuresAndTimeoutsGiveEachSlotExactlyOneOutcome() throws Exception {
		int callers = 8;
		int slotsPerCaller = 2_000;
		ExecutorService racers = Executors.newFixedThreadPool(4);
		LongAdder replied = new LongAdder();
		LongAdder failed = new LongAdder();
		LongAdder timedOut = new LongAdder();
		AtomicLong repliesSent = new AtomicLong();
		Queue<String> wrong = new ConcurrentLinkedQueue<>();
		CyclicBarrier start = new CyclicBarrier(callers);
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < callers; c++) {
			int caller = c;
			threads.add(new Thread(() -> {
				ThreadLocalRandom random = ThreadLocalRandom.current();
				try {
					start.await();
					for (int i = 0; i < slotsPerCaller; i++) {
						ReplySlot slot = ReplySlot.forCall(this.system, this.target);
						String reply = caller + "-" + i;
						List<Future<?>> racing = new ArrayList<>(2);
						if (random.nextBoolean()) {
							repliesSent.incrementAndGet();
							racing.add(racers.submit(() -> slot.send(reply, this.target)));
						}
						if (random.nextInt(4) == 0) {
							racing.add(racers
								.submit(() -> slot.fail(new ActorStoppedException("target", "stopped " + reply))));
						}
						try {
							Object outcome = slot.await(random.nextInt(50_000));
							if (!reply.equals(outcome)) {
								wrong.add("slot " + reply + " returned " + outcome);
							}
							replied.increment();
						}
						catch (ActorStoppedException ex) {
							if (!ex.getMessage().equals("stopped " + reply)) {
								wrong.add("slot " + reply + " failed with " + ex.getMessage());
							}
							failed.increment();
						}
						catch (TimeoutException ex) {
							timedOut.increment();
						}
						for (Future<?> racer : racing) {
							racer.get();
						}
					}
				}
				catch (Exception ex) {
					wrong.add(ex.toString());
				}
			}, "caller-" + c));
		}
		threads.forEach(Thread::start);
		for (Thread thread : threads) {
			thread.join(TimeUnit.SECONDS.toMillis(50));
			assertThat(thread.isAlive()).as(thread.getName() + " still running").isFalse();
		}
		racers.shutdown();
		assertThat(wrong).isEmpty();
		assertThat(replied.sum() + failed.sum() + timedOut.sum()).isEqualTo((long) callers * slotsPerCaller);
		assertThat(replied.sum() + this.lateReplies.size()).isEqualTo(repliesSent.get());
	}

	/**
	 * Many threads make calls with timeouts so short that many expire while the actor
	 * replies: every call returns its own reply or times out, and each reply that came
	 * too late is a late reply, never handed to another call.
	 */
	@Test
	void callsWhoseTimeoutsRaceTheRepliesNeverMixThem() throws Exception {
		int callers = 16;
		int callsPerCaller = 2_000;
		Bridge bridge = this.system.bridge();
		LongAdder answered = new LongAdder();
		LongAdder timedOut = new LongAdder();
		Queue<String> wrong = new ConcurrentLinkedQueue<>();
		CyclicBarrier start = new CyclicBarrier(callers);
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < callers; c++) {
			int caller = c;
			threads.add(new Thread(() -> {
				ThreadLocalRandom random = ThreadLocalRandom.current();
				try {
					start.await();
					for (int i = 0; i < callsPerCaller; i++) {
						String request = caller + "-" + i;
						try {
							Object reply = bridge.call(this.target, request,
									Duration.ofNanos(1 + random.nextInt(100_000)));
							if (!request.equals(reply)) {
								wrong.add("call " + request + " returned " + reply);
							}
							answered.increment();
						}
						catch (CallTimeoutException ex) {
							timedOut.increment();
						}
					}
				}
				catch (Exception ex) {
					wrong.add(ex.toString());
				}
			}, "caller-" + c));
		}
		threads.forEach(Thread::start);
		for (Thread thread : threads) {
			thread.join(TimeUnit.SECONDS.toMillis(50));
			assertThat(thread.isAlive()).as(thread.getName() + " still running").isFalse();
		}
		assertThat(wrong).isEmpty();
		assertThat(answered.sum() + timedOut.sum()).isEqualTo((long) callers * callsPerCaller);
		// every request gets its echo, late or not
		bridge.call(this.target, "last", Duration.ofSeconds(10));
		assertThat(this.lateReplies).hasSize((int) timedOut.sum());
		assertThat(this.lateReplies).allSatisfy((late) -> assertThat(late.sender()).isSameAs(this.target));
	}

	private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (thread.getState() != state) {
			assertThat(System.nanoTime()).as("%s reaching %s", thread.getName(), state).isLessThan(deadline);
			Thread.sleep(1);
		}
	}

	/** Replies with the request. */
	static final class Echo {

		@Handles
		Object onMessage(Object message) {
			return message;
		}

	}

}
