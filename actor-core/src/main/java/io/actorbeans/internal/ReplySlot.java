package io.actorbeans.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import io.actorbeans.ActorException;
import io.actorbeans.ActorRef;
import io.actorbeans.CallInterruptedException;
import io.actorbeans.CallerRef;
import io.actorbeans.DeadLetter;
import org.jspecify.annotations.Nullable;

/**
 * The reply slot of one Bridge call: the sender the actor replies to, and what the caller
 * waits on. Only one outcome is ever set: the first reply or failure wins, and a reply
 * that comes after it becomes a {@link DeadLetter.Reason#LATE_REPLY LATE_REPLY} dead
 * letter. Thread-safe; {@link #await} is for the one calling thread only.
 * <p>
 * Memory consistency effects: actions of the thread that sets the outcome, prior to
 * setting it, happen-before the return of {@link #await} that sees it.
 */
final class ReplySlot implements CallerRef, ForkJoinPool.ManagedBlocker {

	/*-
	 * Overview:
	 *
	 * Each call has its own slot, so replies of concurrent callers cannot mix. The slot is one word,
	 * `outcome`: null while pending, then the reply, or a Failure holding why the call failed (the
	 * handler threw, the actor stopped before handling the request, no handler took it, the caller
	 * timed out or was interrupted). Every party, the replying actor, the runtime's failure paths and
	 * the caller giving up, sets it with one CAS from null, so exactly one of them succeeds; a reply
	 * that loses becomes a LATE_REPLY dead letter, a failure that loses is dropped.
	 *
	 * Waiting (await, the calling thread). A reply usually comes within microseconds, far less than
	 * a park and unpark cost, so the caller first polls the outcome for a while: SPINS busy reads,
	 * then YIELDS rounds of Thread.yield(), which let the dispatcher's threads run where the callers
	 * outnumber the cores. Only then does it publish itself as the waiter and park, re-reading the
	 * outcome between parks. The winner of the CAS reads the waiter afterwards and unparks it if it
	 * is set. Both the CAS and the waiter's write are volatile, so the completer sees the waiter or
	 * the waiter sees the outcome before it parks (Dekker): no wake-up is lost, and a caller that
	 * never parked costs the replier no unpark at all. An unpark that reaches the thread after it
	 * left leaves a permit, which its next park loop absorbs as a spurious wake-up.
	 *
	 * Timeouts and interrupts are outcomes too: the caller tries to set a Failure; if a reply won
	 * the race, the caller returns that reply instead of failing, and nothing is lost.
	 *
	 * An ask has no thread waiting: its slot carries a CompletableFuture that the winner of the CAS
	 * completes. Completing that future from outside (cancel, say) gives the slot up, so a reply
	 * after it is a late reply as well.
	 *
	 * A caller that parks, and every ask, is registered with the system as open until its outcome is
	 * set, so that a shutdown can fail what is still open when it ends (the ask's timeout runs on the
	 * scheduler, which the shutdown stops). The registration and the outcome are both volatile:
	 * either the winner of the CAS sees the slot registered and removes it, or the registering thread
	 * sees the outcome and removes it itself. A call that gets its reply while it spins (most do)
	 * never touches the registry.
	 *
	 * A caller on a shared-pool worker (a handler that calls the Bridge) parks through
	 * ForkJoinPool.managedBlock, so that the pool can start a spare worker meanwhile: with every
	 * worker parked in such calls, the actor that would reply could otherwise never run.
	 */

	/** Busy reads of the outcome before yielding. */
	private static final int SPINS = 1 << 7;

	/** Thread.yield() rounds before parking. */
	private static final int YIELDS = 1 << 4;

	private static final VarHandle OUTCOME;

	static {
		try {
			OUTCOME = MethodHandles.lookup().findVarHandle(ReplySlot.class, "outcome", Object.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final DefaultActorSystem system;

	private final ActorRef target;

	/** The future of an ask, {@code null} for a call. */
	private final @Nullable CompletableFuture<Object> future;

	/** Null while pending; then the reply, or a {@link Failure}. */
	private volatile @Nullable Object outcome;

	/** The calling thread once it is about to park; null before. */
	private volatile @Nullable Thread waiter;

	/** Whether the slot is registered with the system as open. */
	private volatile boolean open;

	/** When a parked caller gives up, in System.nanoTime(). Calling thread only. */
	private long deadline;

	private ReplySlot(DefaultActorSystem system, ActorRef target, @Nullable CompletableFuture<Object> future) {
		this.system = system;
		this.target = target;
		this.future = future;
	}

	/**
	 * A slot that a calling thread waits on with {@link #await}. Thread-safe.
	 * @param system the system whose dead-letter channel takes late replies
	 * @param target the actor called
	 * @return the slot
	 */
	static ReplySlot forCall(DefaultActorSystem system, ActorRef target) {
		return new ReplySlot(system, target, null);
	}

	/**
	 * A slot whose outcome completes a future. Thread-safe.
	 * @param system the system whose dead-letter channel takes late replies
	 * @param target the actor asked
	 * @return the slot
	 */
	static ReplySlot forAsk(DefaultActorSystem system, ActorRef target) {
		ReplySlot slot = new ReplySlot(system, target, new CompletableFuture<>());
		slot.future.whenComplete((reply, failure) -> slot.giveUp());
		slot.register();
		return slot;
	}

	/** The actor this call was sent to. Thread-safe. */
	ActorRef target() {
		return this.target;
	}

	/**
	 * The future of an ask, completed with the outcome. Thread-safe.
	 * @return the future
	 * @throws IllegalStateException if this is the slot of a call
	 */
	CompletableFuture<Object> future() {
		if (this.future == null) {
			throw new IllegalStateException("The slot of a call has no future");
		}
		return this.future;
	}

	@Override
	public String name() {
		return "bridge-call-to-" + this.target.name();
	}

	/** Deliver a reply; a reply after the outcome is a late reply. Thread-safe. */
	@Override
	public void send(Object message, @Nullable ActorRef sender) {
		if (!casOutcome(message)) {
			this.system.deadLetter(message, sender, this, DeadLetter.Reason.LATE_REPLY);
		}
	}

	/** Fail the call with the failure of its request. Thread-safe. */
	@Override
	public void requestFailed(ActorException failure) {
		fail(failure);
	}

	/**
	 * Fail the call, unless it has an outcome already. Thread-safe.
	 * @param failure why it failed
	 * @return whether this set the outcome
	 */
	boolean fail(Throwable failure) {
		return casOutcome(new Failure(failure));
	}

	/** Called by any thread when an ask's future completed: later replies are late. */
	private void giveUp() {
		if (OUTCOME.compareAndSet(this, null, Failure.GIVEN_UP)) {
			unregister();
		}
	}

	/** Register the slot as open until it has an outcome. Called once, by its caller. */
	private void register() {
		this.open = true;
		this.system.open(this);
		if (this.outcome != null) {
			this.system.close(this);
		}
	}

	/** Called by the winner of the outcome: the slot is no longer open. */
	private void unregister() {
		if (this.open) {
			this.system.close(this);
		}
	}

	/**
	 * Set the outcome if there is none, then wake the waiter or complete the future.
	 * Called from any thread.
	 * @return whether the value was taken: {@code false} if the slot had an outcome, or
	 * if the ask's future was completed from outside meanwhile (a reply then is late)
	 */
	private boolean casOutcome(Object value) {
		if (!OUTCOME.compareAndSet(this, null, value)) {
			return false;
		}
		unregister();
		Thread parked = this.waiter;
		if (parked != null && parked != Thread.currentThread()) {
			LockSupport.unpark(parked);
		}
		CompletableFuture<Object> future = this.future;
		if (future != null) {
			if (value instanceof Failure failure) {
				future.completeExceptionally(failure.cause);
			}
			else {
				// the caller may have cancelled between the CAS and here
				return future.complete(value);
			}
		}
		return true;
	}

	/**
	 * Wait for the outcome. Called from the calling thread only, once.
	 * @param nanos the most nanoseconds to wait
	 * @return the reply
	 * @throws TimeoutException if none came in time; later replies are late replies
	 * @throws ActorException why the call failed, or {@link CallInterruptedException}
	 * when the thread is interrupted while waiting; the interrupt status is kept
	 */
	Object await(long nanos) throws TimeoutException {
		long deadline = System.nanoTime() + nanos;
		Object value = this.outcome;
		for (int spins = SPINS; value == null && spins > 0; spins--) {
			Thread.onSpinWait();
			value = this.outcome;
		}
		for (int yields = YIELDS; value == null && yields > 0; yields--) {
			Thread.yield();
			value = this.outcome;
		}
		if (value == null) {
			value = park(deadline);
		}
		if (value instanceof Failure failure) {
			if (failure == Failure.TIMED_OUT) {
				throw new TimeoutException();
			}
			if (failure.cause instanceof ActorException actorException) {
				throw actorException;
			}
			throw new IllegalStateException(failure.cause);
		}
		return value;
	}

	/**
	 * Park until there is an outcome; on timeout or interrupt, try to set it. Calling
	 * thread only.
	 */
	private Object park(long deadline) {
		this.deadline = deadline;
		Thread caller = Thread.currentThread();
		this.waiter = caller;
		register();
		if (caller instanceof ForkJoinWorkerThread) {
			try {
				ForkJoinPool.managedBlock(this);
			}
			catch (InterruptedException ex) {
				// block() does not throw it: it sets the outcome of an interrupted call
				Thread.currentThread().interrupt();
			}
		}
		else {
			while (!block()) {
				// until there is an outcome
			}
		}
		return Objects.requireNonNull(this.outcome);
	}

	/**
	 * Park once, unless there is an outcome; on timeout or interrupt, set one. Calling
	 * thread only, from {@link #park} or the pool's managedBlock.
	 * @return whether there is an outcome
	 */
	@Override
	public boolean block() {
		if (this.outcome != null) {
			return true;
		}
		if (Thread.interrupted()) {
			InterruptedException cause = new InterruptedException();
			casOutcome(new Failure(new CallInterruptedException(
					"Interrupted while waiting for actor '" + this.target.name() + "'", cause)));
			Thread.currentThread().interrupt();
			return true;
		}
		long remaining = this.deadline - System.nanoTime();
		if (remaining <= 0) {
			casOutcome(Failure.TIMED_OUT);
			return true;
		}
		LockSupport.parkNanos(this, remaining);
		return this.outcome != null;
	}

	/** Whether the caller need not park: there is an outcome. Calling thread only. */
	@Override
	public boolean isReleasable() {
		return this.outcome != null;
	}

	@Override
	public String toString() {
		return "BridgeCall[" + this.target.name() + "]";
	}

	/** The outcome of a call that failed. */
	private record Failure(Throwable cause) {

		/** The outcome of an ask whose future was completed from outside. */
		static final Failure GIVEN_UP = new Failure(new IllegalStateException("The caller gave up"));

		/** The outcome of a call whose caller's wait ran out. */
		static final Failure TIMED_OUT = new Failure(new IllegalStateException("The call timed out"));

	}

}
