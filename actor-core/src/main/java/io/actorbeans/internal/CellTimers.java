package io.actorbeans.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.actorbeans.ActorScheduler;
import io.actorbeans.ActorSystemShutdownException;
import io.actorbeans.Timers;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Timers} of one actor, on the system's {@link ActorScheduler}. Only from the
 * actor's own thread.
 */
final class CellTimers implements Timers {

	private final ActorCell cell;

	private final ActorScheduler scheduler;

	/** The active timers by key. Actor's thread only. */
	private final Map<Object, TimerSignal> active = new HashMap<>();

	CellTimers(ActorCell cell, ActorScheduler scheduler) {
		this.cell = cell;
		this.scheduler = scheduler;
	}

	@Override
	public void startSingle(Object key, Object message, Duration delay) {
		Objects.requireNonNull(delay, "'delay' must not be null");
		if (delay.isNegative()) {
			throw new IllegalArgumentException("Invalid delay " + delay + " of timer " + key + " of actor '"
					+ this.cell.name() + "': expected zero or more");
		}
		start(new TimerSignal(this.cell, requireKey(key), requireMessage(message), false,
				this.cell.system().captureContext()), delay.toNanos(), 0);
	}

	@Override
	public void startPeriodic(Object key, Object message, Duration interval) {
		Objects.requireNonNull(interval, "'interval' must not be null");
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("Invalid interval " + interval + " of timer " + key + " of actor '"
					+ this.cell.name() + "': expected a positive duration");
		}
		long nanos = interval.toNanos();
		start(new TimerSignal(this.cell, requireKey(key), requireMessage(message), true,
				this.cell.system().captureContext()), nanos, nanos);
	}

	private void start(TimerSignal timer, long delayNanos, long periodNanos) {
		cancel(timer.key());
		ScheduledFuture<?> future;
		try {
			future = (periodNanos > 0)
					? this.scheduler.scheduleAtFixedRate(timer::fire, delayNanos, periodNanos, TimeUnit.NANOSECONDS)
					: this.scheduler.schedule(timer::fire, delayNanos, TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			throw new ActorSystemShutdownException("Cannot start timer " + timer.key() + " of actor '"
					+ this.cell.name() + "': its actor system has shut down");
		}
		timer.scheduled(future);
		this.active.put(timer.key(), timer);
	}

	@Override
	public void cancel(Object key) {
		TimerSignal timer = this.active.remove(key);
		if (timer != null) {
			timer.cancel();
		}
	}

	@Override
	public void cancelAll() {
		for (TimerSignal timer : this.active.values()) {
			timer.cancel();
		}
		this.active.clear();
	}

	@Override
	public boolean isActive(Object key) {
		return this.active.containsKey(key);
	}

	/**
	 * The message of a tick that came in, or {@code null} if its timer has been cancelled
	 * or replaced since. A single timer ends with its tick.
	 */
	@Nullable Object fired(TimerSignal timer) {
		if (this.active.get(timer.key()) != timer) {
			return null;
		}
		if (timer.isPeriodic()) {
			timer.opened();
		}
		else {
			this.active.remove(timer.key());
		}
		return timer.message();
	}

	private Object requireKey(Object key) {
		return Objects.requireNonNull(key, "'key' must not be null");
	}

	private Object requireMessage(Object message) {
		return Objects.requireNonNull(message, "'message' must not be null");
	}

	@Override
	public String toString() {
		return "Timers[" + this.cell.name() + ", active=" + this.active.keySet() + "]";
	}

}
