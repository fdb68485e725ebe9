package io.actorbeans;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Where an actor system runs what it does after a delay: the ticks of actors'
 * {@link Timers} (and so of the Spring starter's {@code @Periodic} methods), the timeouts
 * of {@link Bridge#ask asks} and {@link ActorContext#ask context asks}, and the ticks
 * held by {@link ActorSystem#pauseTimers()}. Give one to
 * {@link ActorSystem#create(ActorSystemSettings, ActorScheduler)}; by default a system
 * runs them on a scheduler thread of its own.
 * <p>
 * A system never shuts down a scheduler it was given: one scheduler may serve several
 * systems, and outlive them. A task whose actor or call has ended does nothing when it
 * runs. Implementations must be thread-safe: actors schedule from their own threads, and
 * cancel from any thread. Tasks must run one at a time, on any thread; they are short and
 * never block.
 * <p>
 * The signatures are those of {@link java.util.concurrent.ScheduledExecutorService}'s, so
 * that one adapts in two lines; actor-test's {@code VirtualTime} is the other
 * implementation: time that moves only when a test advances it.
 *
 * @since 0.1.0
 */
public interface ActorScheduler {

	/**
	 * Run a task once after a delay.
	 * @param task the task
	 * @param delay the delay, zero or more
	 * @param unit the delay's unit
	 * @return the task's future, which the system only cancels (with
	 * {@code cancel(false)})
	 * @throws java.util.concurrent.RejectedExecutionException if the scheduler has shut
	 * down: the system then reports its own shutdown
	 */
	ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit);

	/**
	 * Run a task at a fixed rate: first after the initial delay, then every period from
	 * then on, until it is cancelled.
	 * @param task the task
	 * @param initialDelay the delay of the first run, zero or more
	 * @param period the period, positive
	 * @param unit the unit of both
	 * @return the task's future, which the system only cancels (with
	 * {@code cancel(false)})
	 * @throws java.util.concurrent.RejectedExecutionException if the scheduler has shut
	 * down
	 */
	ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long initialDelay, long period, TimeUnit unit);

}
