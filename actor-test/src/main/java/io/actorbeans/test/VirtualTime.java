package io.actorbeans.test;

import java.time.Duration;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import io.actorbeans.ActorScheduler;
import io.actorbeans.ActorSystem;
import io.actorbeans.ActorSystemSettings;
import org.jspecify.annotations.Nullable;

/**
 * Time that moves only when a test says so: an {@link ActorScheduler} whose clock stands
 * still until {@link #advance(Duration)}, which runs every task that comes due, in the
 * order of their due times, on the calling thread. Timers, {@code @Periodic} ticks and
 * ask timeouts of a system started with it fire when the test advances past them, and
 * never otherwise: no test sleeps to see a timer fire, and none fires late because the
 * machine is busy.
 *
 * <pre class="code">
 * VirtualTime time = new VirtualTime();
 * try (ActorSystem system = ActorSystem.create(ActorSystemSettings.defaults(), time)) {
 *     ActorRef cache = system.spawn("cache", new Cache(), SpawnOptions.defaults()
 *             .withDispatcher(Dispatcher.CALLING_THREAD));
 *     cache.send(new Put("k", "v"));            // starts a 5 minute expiry timer
 *     time.advance(Duration.ofMinutes(5));      // the expiry tick is handled here
 * }
 * </pre>
 *
 * {@code advance} returns once the due tasks have run: a timer's tick is then in its
 * actor's mailbox, and already handled if the actor runs on the
 * {@link io.actorbeans.Dispatcher#CALLING_THREAD} dispatcher; an actor on another
 * dispatcher handles it on its own thread, so wait for its effect (a {@link TestProbe}, a
 * Bridge call). Tasks due at the same instant run in the order they were scheduled; a
 * periodic task runs once for each period passed, at a fixed rate, as
 * {@link java.util.concurrent.ScheduledThreadPoolExecutor} does; a task scheduled by a
 * task that runs (a timer started by a tick's handler) runs in the same {@code advance}
 * if it comes due within it. A task that throws is done with that exception, and a
 * periodic one does not run again, as with {@code ScheduledThreadPoolExecutor}.
 * <p>
 * One instance may serve several systems; no system shuts it down. Thread-safe: actors
 * schedule and cancel from any thread; {@code advance} runs on one thread at a time (a
 * second caller waits), and a task that calls {@code advance} fails with an
 * {@link IllegalStateException}. Bridge {@code call} and {@code multiCall} wait on the
 * calling thread, in real time, as the thread that would advance the time is the one
 * waiting: use {@code ask} to time out in virtual time.
 *
 * @since 0.1.0
 * @see ActorSystem#create(ActorSystemSettings, ActorScheduler)
 */
public final class VirtualTime implements ActorScheduler {

	private final Object lock = new Object();

	/** The tasks not run nor cancelled, earliest first. Guarded by {@link #lock}. */
	private final PriorityQueue<Task> queue = new PriorityQueue<>();

	/** Nanoseconds since this time started. Guarded by {@link #lock}. */
	private long now;

	/** Orders the tasks due at the same instant. Guarded by {@link #lock}. */
	private long sequence;

	private final ReentrantLock advancing = new ReentrantLock();

	/**
	 * How much time has passed: the sum of every {@link #advance}. Thread-safe.
	 * @return the time since this clock was made
	 */
	public Duration now() {
		synchronized (this.lock) {
			return Duration.ofNanos(this.now);
		}
	}

	/**
	 * How many tasks wait to run: timers and timeouts scheduled and neither run (for a
	 * single one) nor cancelled. Thread-safe.
	 * @return the number of tasks
	 */
	public int pendingTasks() {
		synchronized (this.lock) {
			return this.queue.size();
		}
	}

	/**
	 * Move the time forward and run, on this thread, every task that comes due, each with
	 * the clock at its due time; then set the clock to the end. Advancing by zero runs
	 * the tasks due now.
	 * @param duration how far, zero or more
	 * @throws IllegalArgumentException if the duration is negative
	 * @throws IllegalStateException if called from a task that an {@code advance} runs
	 */
	public void advance(Duration duration) {
		Objects.requireNonNull(duration, "'duration' must not be null");
		if (duration.isNegative()) {
			throw new IllegalArgumentException(
					"Cannot advance virtual time by " + duration + ": expected zero or more; time does not go back");
		}
		if (this.advancing.isHeldByCurrentThread()) {
			throw new IllegalStateException("Cannot advance virtual time from a task that it runs (a timer, a tick's "
					+ "handler on the calling-thread dispatcher): advance from the test, after this advance returns");
		}
		this.advancing.lock();
		try {
			long target;
			synchronized (this.lock) {
				target = saturatedAdd(this.now, nanos(duration));
			}
			Task next;
			while ((next = takeDueBy(target)) != null) {
				next.run();
			}
			synchronized (this.lock) {
				this.now = Math.max(this.now, target);
			}
		}
		finally {
			this.advancing.unlock();
		}
	}

	/**
	 * The earliest task due by the target, out of the queue, with the clock at its due
	 * time.
	 */
	private @Nullable Task takeDueBy(long target) {
		synchronized (this.lock) {
			Task next = this.queue.peek();
			if (next == null || next.due > target) {
				return null;
			}
			this.queue.poll();
			this.now = Math.max(this.now, next.due);
			return next;
		}
	}

	@Override
	public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
		return enqueue(task, delay, 0, unit);
	}

	@Override
	public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long initialDelay, long period, TimeUnit unit) {
		if (period <= 0) {
			throw new IllegalArgumentException(
					"Invalid period " + period + " " + unit + ": expected a positive period");
		}
		return enqueue(task, initialDelay, period, unit);
	}

	private Task enqueue(Runnable runnable, long delay, long period, TimeUnit unit) {
		Objects.requireNonNull(runnable, "'task' must not be null");
		Objects.requireNonNull(unit, "'unit' must not be null");
		synchronized (this.lock) {
			Task task = new Task(runnable, saturatedAdd(this.now, Math.max(0, unit.toNanos(delay))),
					unit.toNanos(period), this.sequence++);
			this.queue.add(task);
			return task;
		}
	}

	private static long nanos(Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

	private static long saturatedAdd(long a, long b) {
		long sum = a + b;
		return (sum < a) ? Long.MAX_VALUE : sum;
	}

	@Override
	public String toString() {
		synchronized (this.lock) {
			return "VirtualTime[now=" + Duration.ofNanos(this.now) + ", pending=" + this.queue.size() + "]";
		}
	}

	/** A scheduled task: its due time, its period (0 for once), and its outcome. */
	private final class Task implements ScheduledFuture<Object>, Comparable<Delayed> {

		private final Runnable runnable;

		private final long period;

		/** Guarded by the clock's lock. */
		private long due;

		private final long sequence;

		private final CompletableFuture<Object> outcome = new CompletableFuture<>();

		Task(Runnable runnable, long due, long period, long sequence) {
			this.runnable = runnable;
			this.due = due;
			this.period = period;
			this.sequence = sequence;
		}

		/** Run, on the advancing thread; a periodic task goes back into the queue. */
		void run() {
			if (this.outcome.isDone()) {
				return;
			}
			try {
				this.runnable.run();
			}
			catch (Throwable ex) {
				this.outcome.completeExceptionally(ex);
				return;
			}
			if (this.period == 0) {
				this.outcome.complete(null);
				return;
			}
			synchronized (VirtualTime.this.lock) {
				// a cancel takes the lock after it has set the outcome: it sees the task
				// back in the queue, or this sees it cancelled
				if (!this.outcome.isDone()) {
					this.due = saturatedAdd(this.due, this.period);
					VirtualTime.this.queue.add(this);
				}
			}
		}

		@Override
		public boolean cancel(boolean mayInterruptIfRunning) {
			// unlike CompletableFuture.cancel, true only for the call that cancels
			boolean cancelled = this.outcome.completeExceptionally(new CancellationException());
			if (cancelled) {
				synchronized (VirtualTime.this.lock) {
					VirtualTime.this.queue.remove(this);
				}
			}
			return cancelled;
		}

		@Override
		public boolean isCancelled() {
			return this.outcome.isCancelled();
		}

		@Override
		public boolean isDone() {
			return this.outcome.isDone();
		}

		@Override
		public @Nullable Object get() throws InterruptedException, ExecutionException {
			return this.outcome.get();
		}

		@Override
		public @Nullable Object get(long timeout, TimeUnit unit)
				throws InterruptedException, ExecutionException, TimeoutException {
			return this.outcome.get(timeout, unit);
		}

		@Override
		public long getDelay(TimeUnit unit) {
			synchronized (VirtualTime.this.lock) {
				return unit.convert(this.due - VirtualTime.this.now, TimeUnit.NANOSECONDS);
			}
		}

		@Override
		public int compareTo(Delayed other) {
			if (other instanceof Task task) {
				int byDue = Long.compare(this.due, task.due);
				return (byDue != 0) ? byDue : Long.compare(this.sequence, task.sequence);
			}
			return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
		}

	}

}
