package io.actorbeans.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Executor;

import io.actorbeans.BehaviorFactory;
import io.actorbeans.FailurePolicy;
import org.jspecify.annotations.Nullable;

/**
 * What an actor's cell is spawned with and never changes: its system, executor, failure
 * policy, mailbox capacity and factory. Actors spawned alike share one profile.
 */
final class CellProfile {

	/*-
	 * A million idle actors spawned with the same options would otherwise hold the same five fields a
	 * million times. So the cell keeps one reference to a profile, and the system hands out one
	 * profile per (dispatcher, failure policy) to the actors that can share it: those on a shared
	 * executor (the shared pool, the virtual threads), with an unbounded mailbox and no factory. An
	 * actor with a thread of its own, a factory or a bounded mailbox gets a profile of its own; a
	 * bounded mailbox keeps its message count here, so that unbounded cells carry no count at all.
	 */

	private static final VarHandle COUNT;

	static {
		try {
			COUNT = MethodHandles.lookup().findVarHandle(CellProfile.class, "count", int.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	final DefaultActorSystem system;

	final Executor executor;

	final FailurePolicy failurePolicy;

	/** The most messages the mailbox holds, 0 for no limit. */
	final int capacity;

	final @Nullable BehaviorFactory factory;

	/** The messages in a bounded mailbox; unused when the mailbox is unbounded. */
	private volatile int count;

	CellProfile(DefaultActorSystem system, Executor executor, FailurePolicy failurePolicy, int capacity,
			@Nullable BehaviorFactory factory) {
		this.system = system;
		this.executor = executor;
		this.failurePolicy = failurePolicy;
		this.capacity = capacity;
		this.factory = factory;
	}

	/**
	 * Count a message into a bounded mailbox, unless it is full. Called from any producer
	 * thread, for a bounded mailbox only.
	 * @return whether the message may be enqueued
	 */
	boolean tryIncrementCount() {
		// a CAS loop rather than add-then-undo, which would let a refused producer's
		// passing increment refuse another while the mailbox has room
		for (;;) {
			int count = this.count;
			if (count >= this.capacity) {
				return false;
			}
			if (COUNT.compareAndSet(this, count, count + 1)) {
				return true;
			}
		}
	}

	/**
	 * Count a message out of a bounded mailbox. Consumer thread, bounded mailbox only.
	 */
	void decrementCount() {
		COUNT.getAndAdd(this, -1);
	}

	/** The messages in a bounded mailbox. Any thread; a snapshot. */
	int getCount() {
		return this.count;
	}

}
