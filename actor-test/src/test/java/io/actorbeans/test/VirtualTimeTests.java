package io.actorbeans.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.actorbeans.ActorContext;
import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.ActorSystemSettings;
import io.actorbeans.CallTimeoutException;
import io.actorbeans.Dispatcher;
import io.actorbeans.Handles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Virtual time: tasks run only when the time is advanced past them, in due order, with
 * the clock at their due time; periodic tasks at a fixed rate; and a system's timers and
 * ask timeouts follow it, with no sleeping.
 */
@Timeout(20)
class VirtualTimeTests {

	private final VirtualTime time = new VirtualTime();

	private final List<String> ran = Collections.synchronizedList(new ArrayList<>());

	@Test
	void aTaskRunsOnlyOnceTheTimeIsAdvancedToItsDueTime() {
		ScheduledFuture<?> task = this.time.schedule(() -> this.ran.add("task at " + this.time.now()), 5,
				TimeUnit.SECONDS);
		this.time.advance(Duration.ofMillis(4999));
		assertThat(this.ran).isEmpty();
		assertThat(task.getDelay(TimeUnit.MILLISECONDS)).isEqualTo(1);
		this.time.advance(Duration.ofMillis(1));
		assertThat(this.ran).containsExactly("task at PT5S");
		assertThat(task.isDone()).isTrue();
		assertThat(this.time.now()).isEqualTo(Duration.ofSeconds(5));
		assertThat(this.time.pendingTasks()).isZero();
	}

	@Test
	void tasksRunInDueOrderAndThoseDueTogetherInTheOrderTheyWereScheduled() {
		this.time.schedule(() -> this.ran.add("c"), 3, TimeUnit.SECONDS);
		this.time.schedule(() -> this.ran.add("a"), 1, TimeUnit.SECONDS);
		this.time.schedule(() -> this.ran.add("b1"), 2, TimeUnit.SECONDS);
		this.time.schedule(() -> this.ran.add("b2"), 2000, TimeUnit.MILLISECONDS);
		this.time.schedule(() -> this.ran.add("now"), 0, TimeUnit.SECONDS);
		this.time.advance(Duration.ZERO);
		assertThat(this.ran).containsExactly("now");
		this.time.advance(Duration.ofSeconds(10));
		assertThat(this.ran).containsExactly("now", "a", "b1", "b2", "c");
		assertThat(this.time.now()).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void aPeriodicTaskRunsOncePerPeriodPassedAtAFixedRateUntilCancelled() {
		ScheduledFuture<?> task = this.time.scheduleAtFixedRate(() -> this.ran.add("at " + this.time.now()), 3, 3,
				TimeUnit.SECONDS);
		this.time.advance(Duration.ofSeconds(10));
		assertThat(this.ran).containsExactly("at PT3S", "at PT6S", "at PT9S");
		assertThat(this.time.pendingTasks()).isOne();
		assertThat(task.getDelay(TimeUnit.SECONDS)).isEqualTo(2);
		assertThat(task.cancel(false)).isTrue();
		this.time.advance(Duration.ofSeconds(10));
		assertThat(this.ran).hasSize(3);
		assertThat(this.time.pendingTasks()).isZero();
		assertThat(task.isCancelled()).isTrue();
	}

	@Test
	void aCancelledTaskNeverRuns() {
		ScheduledFuture<?> task = this.time.schedule(() -> this.ran.add("cancelled"), 1, TimeUnit.SECONDS);
		assertThat(task.cancel(false)).isTrue();
		assertThat(task.cancel(false)).isFalse();
		this.time.advance(Duration.ofSeconds(2));
		assertThat(this.ran).isEmpty();
	}

	@Test
	void aTaskScheduledByARunningTaskRunsInTheSameAdvanceIfItComesDueWithinIt() {
		this.time.schedule(() -> {
			this.ran.add("first at " + this.time.now());
			this.time.schedule(() -> this.ran.add("second at " + this.time.now()), 2, TimeUnit.SECONDS);
			this.time.schedule(() -> this.ran.add("too late"), 10, TimeUnit.SECONDS);
		}, 1, TimeUnit.SECONDS);
		this.time.advance(Duration.ofSeconds(5));
		assertThat(this.ran).containsExactly("first at PT1S", "second at PT3S");
		assertThat(this.time.pendingTasks()).isOne();
	}

	@Test
	void aTaskThatThrowsIsDoneWithItsExceptionAndAPeriodicOneStops() {
		ScheduledFuture<?> single = this.time.schedule(() -> {
			throw new IllegalStateException("single failed");
		}, 1, TimeUnit.SECONDS);
		AtomicInteger runs = new AtomicInteger();
		ScheduledFuture<?> periodic = this.time.scheduleAtFixedRate(() -> {
			runs.incrementAndGet();
			throw new IllegalStateException("periodic failed");
		}, 1, 1, TimeUnit.SECONDS);
		this.time.advance(Duration.ofSeconds(5));
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(single::get)
			.withCauseInstanceOf(IllegalStateException.class)
			.withMessageContaining("single failed");
		assertThat(periodic.isDone()).isTrue();
		assertThat(runs).hasValue(1);
	}

	@Test
	void advancingFromATaskFailsAndNamesTheRule() {
		ScheduledFuture<?> task = this.time.schedule(() -> this.time.advance(Duration.ofSeconds(1)), 1,
				TimeUnit.SECONDS);
		this.time.advance(Duration.ofSeconds(1));
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(task::get)
			.withCauseInstanceOf(IllegalStateException.class)
			.withMessageContaining("Cannot advance virtual time from a task that it runs");
	}

	@Test
	void invalidArgumentsAreRejectedNamingThem() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.time.advance(Duration.ofSeconds(-1)))
			.withMessage("Cannot advance virtual time by PT-1S: expected zero or more; time does not go back");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.time.scheduleAtFixedRate(() -> this.ran.add("x"), 1, 0, TimeUnit.SECONDS))
			.withMessage("Invalid period 0 SECONDS: expected a positive period");
	}

	@Test
	void tasksScheduledFromManyThreadsWhileTheTimeAdvancesEachRunOnce() throws InterruptedException {
		AtomicInteger runs = new AtomicInteger();
		int threads = 4;
		int perThread = 2_000;
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> schedulers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread scheduler = new Thread(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					return;
				}
				for (int i = 0; i < perThread; i++) {
					this.time.schedule(runs::incrementAndGet, i % 7, TimeUnit.MILLISECONDS);
				}
			});
			scheduler.start();
			schedulers.add(scheduler);
		}
		start.countDown();
		while (schedulers.stream().anyMatch(Thread::isAlive)) {
			this.time.advance(Duration.ofMillis(1));
		}
		for (Thread scheduler : schedulers) {
			scheduler.join(10_000);
		}
		this.time.advance(Duration.ofMillis(7));
		assertThat(runs).hasValue(threads * perThread);
		assertThat(this.time.pendingTasks()).isZero();
	}

	// With an actor system

	@Test
	void timersOfACallingThreadActorAreHandledWhenTheTimeAdvances() {
		try (ActorSystem system = ActorSystem.create(
				ActorSystemSettings.defaults().withName("virtual").withDispatcher(Dispatcher.CALLING_THREAD),
				this.time)) {
			ActorRef actor = system.spawn("timers", new Timed(this.ran));
			actor.send(new Start());
			this.time.advance(Duration.ofSeconds(30));
			assertThat(this.ran).containsExactly("tick", "tick", "tick");
			this.time.advance(Duration.ofSeconds(30));
			// at one minute both are due: the single timer was started first
			assertThat(this.ran).containsExactly("tick", "tick", "tick", "tick", "tick", "give up", "tick");
		}
	}

	@Test
	void anAskTimesOutInVirtualTimeAndAnAnsweredAskLeavesNoTaskBehind() {
		try (ActorSystem system = ActorSystem.create(
				ActorSystemSettings.defaults().withName("virtual-ask").withDispatcher(Dispatcher.CALLING_THREAD),
				this.time)) {
			ActorRef actor = system.spawn("silent", new Timed(this.ran));
			CompletableFuture<Object> answered = system.bridge().ask(actor, "echo", Duration.ofSeconds(5));
			assertThat(answered).isCompletedWithValue("echo");
			assertThat(this.time.pendingTasks()).isZero();

			CompletableFuture<Object> unanswered = system.bridge().ask(actor, 42, Duration.ofSeconds(5));
			this.time.advance(Duration.ofSeconds(4));
			assertThat(unanswered).isNotDone();
			this.time.advance(Duration.ofSeconds(1));
			assertThat(unanswered).isCompletedExceptionally();
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(unanswered::get)
				.withCauseInstanceOf(CallTimeoutException.class);
		}
	}

	@Test
	void ticksReachAnActorOnTheSharedPoolWhenTheTimeAdvances() {
		try (ActorSystem system = ActorSystem.create(ActorSystemSettings.defaults().withName("virtual-shared"),
				this.time)) {
			TestProbe probe = TestProbe.create(system);
			ActorRef actor = system.spawn("forwarder", new Forwarder(probe));
			actor.send(new Start());
			probe.expectMessage(Started.class, Duration.ofSeconds(5));
			probe.expectNoMessage(Duration.ofMillis(50));
			this.time.advance(Duration.ofSeconds(10));
			probe.expectMessage("tick", Duration.ofSeconds(5));
		}
	}

	record Start() {
	}

	record Started() {
	}

	/** A single timer of a minute, a periodic one of 10 s; echoes "echo". */
	static final class Timed {

		private final List<String> ran;

		Timed(List<String> ran) {
			this.ran = ran;
		}

		@Handles
		void onStart(Start start, ActorContext context) {
			context.timers().startSingle("give-up", "give up", Duration.ofMinutes(1));
			context.timers().startPeriodic("tick", "tick", Duration.ofSeconds(10));
		}

		@Handles
		String onString(String message) {
			if (!message.equals("echo")) {
				this.ran.add(message);
			}
			return message;
		}

		@Handles
		void onInteger(Integer ignored) {
		}

	}

	/** Starts a periodic timer of 10 s and forwards its ticks to the probe. */
	static final class Forwarder {

		private final ActorRef probe;

		Forwarder(ActorRef probe) {
			this.probe = probe;
		}

		@Handles
		void onStart(Start start, ActorContext context) {
			context.timers().startPeriodic("tick", "tick", Duration.ofSeconds(10));
			this.probe.send(new Started());
		}

		@Handles
		void onTick(String tick) {
			this.probe.send(tick);
		}

	}

}
