package io.actorbeans.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;

/**
 * One timer of an actor, which is also the signal it sends: the scheduler thread sends it
 * to the actor, and the actor opens it into the timer's message only while it is still
 * the timer of its key.
 */
final class TimerSignal extends Signal {

	/*-
	 * Staleness is decided on the actor's thread, by identity: cancelling or replacing a timer removes
	 * this object from the actor's timer map, so a tick of it that is already in the mailbox opens
	 * into nothing. A periodic timer keeps a pending flag, set by the scheduler when it sends a tick
	 * and cleared by the actor when it opens one (or by the scheduler when the actor refuses it), so
	 * that at most one tick waits in the mailbox.
	 */

	private static final VarHandle PENDING;

	static {
		try {
			PENDING = MethodHandles.lookup().findVarHandle(TimerSignal.class, "pending", boolean.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final ActorCell cell;

	private final Object key;

	private final Object message;

	private final boolean periodic;

	/** The context of the handler that started the timer, which its ticks carry. */
	private final @Nullable Object context;

	private volatile boolean pending;

	/** Written once, by the actor's thread, before the timer can be cancelled. */
	private @Nullable ScheduledFuture<?> future;

	TimerSignal(ActorCell cell, Object key, Object message, boolean periodic, @Nullable Object context) {
		this.cell = cell;
		this.key = key;
		this.message = message;
		this.periodic = periodic;
		this.context = context;
	}

	Object key() {
		return this.key;
	}

	Object message() {
		return this.message;
	}

	boolean isPeriodic() {
		return this.periodic;
	}

	@Nullable Object context() {
		return this.context;
	}

	/** Set the scheduled task. Called on the actor's thread, once. */
	void scheduled(ScheduledFuture<?> future) {
		this.future = future;
	}

	/**
	 * Send this tick to the actor, whatever its mailbox's bound, unless the system's
	 * timers are paused: then it waits for their resumption. Called on the scheduler
	 * thread. An actor that has ended drops it.
	 */
	void fire() {
		if (this.cell.system().holdTick(this)) {
			return;
		}
		if (!this.periodic) {
			this.cell.offerTick(this);
		}
		else if (PENDING.compareAndSet(this, false, true) && !this.cell.offerTick(this)) {
			this.pending = false;
		}
	}

	/** Allow the next periodic tick. Called on the actor's thread. */
	void opened() {
		this.pending = false;
	}

	/** Stop the scheduled task. Called on the actor's thread. */
	void cancel() {
		ScheduledFuture<?> scheduledFuture = this.future;
		if (scheduledFuture != null) {
			scheduledFuture.cancel(false);
		}
	}

	@Override
	@Nullable Object open(CellContext context) {
		CellFeatures features = context.featuresIfAny();
		return (features != null) ? features.timerFired(this) : null;
	}

	@Override
	Object payload() {
		return this.message;
	}

	@Override
	public String toString() {
		return "TimerSignal[" + this.key + " -> " + this.message.getClass().getName() + "]";
	}

}
