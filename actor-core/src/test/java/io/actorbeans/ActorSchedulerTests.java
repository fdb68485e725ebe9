package io.actorbeans;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * A system given an {@link ActorScheduler} runs its timers, its ask timeouts and its held
 * ticks there, and nowhere else: nothing fires until the test runs the scheduled task,
 * and the system never shuts the scheduler down.
 */
@Timeout(20)
class ActorSchedulerTests {

	private final ManualScheduler scheduler = new ManualScheduler();

	private final ActorSystem system = ActorSystem.create(
			ActorSystemSettings.defaults().withName("scheduled").withDispatcher(Dispatcher.CALLING_THREAD),
			this.scheduler);

	private final List<Object> received = Collections.synchronizedList(new ArrayList<>());

	@AfterEach
	void shutdown() {
		this.system.close();
	}

	@Test
	void timersAreScheduledOnTheGivenSchedulerAndFireOnlyWhenItRunsThem() {
		ActorRef actor = this.system.spawn("timers", new TimerUser(this.received));
		actor.send(new Start());
		assertThat(this.scheduler.tasks).extracting(Scheduled::delayNanos, Scheduled::periodNanos)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Duration.ofMinutes(1).toNanos(), 0L),
					org.assertj.core.groups.Tuple.tuple(Duration.ofSeconds(10).toNanos(),
							Duration.ofSeconds(10).toNanos()));
		assertThat(this.received).isEmpty();
		this.scheduler.run(1);
		this.scheduler.run(1);
		this.scheduler.run(0);
		assertThat(this.received).containsExactly("tick", "tick", "give up");
	}

	@Test
	void spawnOptionsTimersAreScheduledOnTheGivenScheduler() {
		this.system.spawn("spawned-with-timer", new TimerUser(this.received),
				SpawnOptions.defaults().withPeriodicTimer("refresh", "refresh", Duration.ofSeconds(3)));
		assertThat(this.scheduler.tasks).singleElement()
			.extracting(Scheduled::periodNanos)
			.isEqualTo(Duration.ofSeconds(3).toNanos());
		this.scheduler.run(0);
		assertThat(this.received).containsExactly("refresh");
	}

	@Test
	void anAskTimesOutWhenTheSchedulerRunsItsTimeoutAndAnAnsweredAskCancelsIt() {
		ActorRef silent = this.system.spawn("silent", new TimerUser(this.received));
		CompletableFuture<Object> unanswered = this.system.bridge().ask(silent, 42, Duration.ofSeconds(30));
		assertThat(this.scheduler.tasks).singleElement()
			.extracting(Scheduled::delayNanos)
			.isEqualTo(Duration.ofSeconds(30).toNanos());
		assertThat(unanswered).isNotDone();
		this.scheduler.run(0);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> unanswered.get(5, TimeUnit.SECONDS))
			.withCauseInstanceOf(CallTimeoutException.class)
			.withMessageContaining("Actor 'silent' did not reply to java.lang.Integer within 30000 ms");

		CompletableFuture<Object> answered = this.system.bridge().ask(silent, "echo", Duration.ofSeconds(30));
		assertThat(answered).isCompletedWithValue("echo");
		assertThat(this.scheduler.tasks.get(1).future.isCancelled()).isTrue();
	}

	@Test
	void ticksHeldWhileTimersArePausedAreSentThroughTheScheduler() {
		ActorRef actor = this.system.spawn("paused", new TimerUser(this.received));
		actor.send(new Start());
		this.system.pauseTimers();
		this.scheduler.run(1);
		assertThat(this.received).isEmpty();
		this.system.resumeTimers();
		assertThat(this.received).isEmpty();
		Scheduled resume = this.scheduler.tasks.get(2);
		assertThat(resume.delayNanos()).isZero();
		this.scheduler.run(2);
		assertThat(this.received).containsExactly("tick");
	}

	@Test
	void theTimersOfAnActorThatEndsAreCancelledOnTheScheduler() {
		ActorRef actor = this.system.spawn("ending", new TimerUser(this.received));
		actor.send(new Start());
		this.system.close();
		assertThat(this.scheduler.tasks).allSatisfy((task) -> assertThat(task.future.isCancelled()).isTrue());
		// a tick whose actor has ended does nothing
		this.scheduler.run(1);
		assertThat(this.received).isEmpty();
	}

	@Test
	void aNullSchedulerIsRejectedNamingIt() {
		assertThatNullPointerException().isThrownBy(() -> ActorSystem.create(ActorSystemSettings.defaults(), null))
			.withMessage("'scheduler' must not be null");
	}

	record Start() {
	}

	/** Starts a single timer of a minute and a periodic one of 10 s; echoes strings. */
	static final class TimerUser {

		private final List<Object> received;

		TimerUser(List<Object> received) {
			this.received = received;
		}

		@Handles
		void onStart(Start start, ActorContext context) {
			context.timers().startSingle("give-up", "give up", Duration.ofMinutes(1));
			context.timers().startPeriodic("tick", "tick", Duration.ofSeconds(10));
		}

		@Handles
		@Nullable String onString(String message, @Nullable ActorRef sender) {
			if (message.equals("echo")) {
				return message;
			}
			this.received.add(message);
			return null;
		}

		@Handles
		void onInteger(Integer ignored) {
		}

	}

	/** A task the scheduler was given, for the test to run. */
	record Scheduled(Runnable task, long delayNanos, long periodNanos, FutureTask<Object> future) {
	}

	/**
	 * Records what it is given; the test runs a task with {@link #run(int)}. Cancelling
	 * marks the future only.
	 */
	static final class ManualScheduler implements ActorScheduler {

		final List<Scheduled> tasks = Collections.synchronizedList(new ArrayList<>());

		@Override
		public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
			return add(task, unit.toNanos(delay), 0);
		}

		@Override
		public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long initialDelay, long period, TimeUnit unit) {
			return add(task, unit.toNanos(initialDelay), unit.toNanos(period));
		}

		private ScheduledFuture<?> add(Runnable task, long delay, long period) {
			FutureTask<Object> future = new FutureTask<>(task, null);
			this.tasks.add(new Scheduled(task, delay, period, future));
			return new ScheduledFuture<Object>() {

				@Override
				public long getDelay(TimeUnit unit) {
					return unit.convert(delay, TimeUnit.NANOSECONDS);
				}

				@Override
				public int compareTo(java.util.concurrent.Delayed other) {
					return Long.compare(delay, other.getDelay(TimeUnit.NANOSECONDS));
				}

				@Override
				public boolean cancel(boolean mayInterruptIfRunning) {
					return future.cancel(false);
				}

				@Override
				public boolean isCancelled() {
					return future.isCancelled();
				}

				@Override
				public boolean isDone() {
					return future.isDone();
				}

				@Override
				public Object get() throws InterruptedException, ExecutionException {
					return future.get();
				}

				@Override
				public Object get(long timeout, TimeUnit unit)
						throws InterruptedException, ExecutionException, TimeoutException {
					return future.get(timeout, unit);
				}

			};
		}

		/** Run the task at an index once, unless it was cancelled. */
		void run(int index) {
			Scheduled scheduled = this.tasks.get(index);
			if (!scheduled.future().isCancelled()) {
				scheduled.task().run();
			}
		}

	}

}
