package io.actorbeans.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.actorbeans.ActorScheduler;

/**
 * The default {@link ActorScheduler}: the system's own scheduler thread. Thread-safe.
 */
final class ExecutorActorScheduler implements ActorScheduler {

	private final ScheduledExecutorService executor;

	ExecutorActorScheduler(ScheduledExecutorService executor) {
		this.executor = executor;
	}

	@Override
	public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
		return this.executor.schedule(task, delay, unit);
	}

	@Override
	public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long initialDelay, long period, TimeUnit unit) {
		return this.executor.scheduleAtFixedRate(task, initialDelay, period, unit);
	}

	@Override
	public String toString() {
		return "ExecutorActorScheduler[" + this.executor + "]";
	}

}
