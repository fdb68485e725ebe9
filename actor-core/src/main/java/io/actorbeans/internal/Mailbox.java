package io.actorbeans.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ForkJoinTask;

import org.jspecify.annotations.Nullable;

/**
 * An unbounded, lock-free, multi-producer single-consumer queue of envelopes, which is
 * also the task a dispatcher runs. {@link ActorCell} adds the actor.
 */
abstract class Mailbox extends ForkJoinTask<Void> {

	/*-
	 * Vyukov's intrusive MPSC node queue, as Pekko's mailbox uses. The envelopes are the nodes. A
	 * producer swaps its envelope in as the tail with one getAndSet, then links the previous tail to
	 * it; the consumer follows the links from the head. The queue starts from a stub node: the mailbox
	 * itself is that first stub (firstNext is its link), so a mailbox that never received a message
	 * holds no node at all. After that, the last envelope taken is the stub.
	 *
	 * Unlike JCTools' queues it is not padded against false sharing: an idle mailbox costs three
	 * reference fields, where a JCTools queue is an object of its own of a few hundred bytes. See
	 * MailboxComparison in the tests for the figures.
	 *
	 * Between a producer's getAndSet and its link the queue is briefly inconsistent: the tail has
	 * moved but the link is not written yet. poll() waits a bounded number of spins for that link (a
	 * few instructions away, unless the producer was preempted in between), then answers null;
	 * hasMessages() reads the tail, so it counts such a message already, and the cell that finds no
	 * envelope but hasMessages() schedules itself again instead of spinning on its thread.
	 *
	 * Memory semantics, as JCTools names them: the link is a release store (soNext), ordered after
	 * the producer's getAndSet of the tail, which is the one full fence a send pays; the consumer reads
	 * it with an acquire load (lvNext), so the envelope's fields written before the link are visible.
	 * The consumer unlinks every envelope it moves past (the old stub's link is cleared), so that an
	 * envelope promoted to the old generation cannot keep the envelopes after it reachable (GC
	 * nepotism).
	 */

	private static final long serialVersionUID = 1L;

	private static final VarHandle TAIL;

	private static final VarHandle HEAD;

	private static final VarHandle FIRST_NEXT;

	private static final VarHandle NEXT;

	/** The most spins poll() waits for a producer's link before it answers null. */
	private static final int LINK_SPINS = 1 << 6;

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			TAIL = lookup.findVarHandle(Mailbox.class, "tail", Object.class);
			HEAD = lookup.findVarHandle(Mailbox.class, "head", Object.class);
			FIRST_NEXT = lookup.findVarHandle(Mailbox.class, "firstNext", Envelope.class);
			NEXT = lookup.findVarHandle(Envelope.class, "next", Envelope.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	/** The last envelope enqueued, or this mailbox while none was. */
	private volatile Object tail;

	/**
	 * The stub: the last envelope taken, or this mailbox at first. Written by the
	 * consumer only.
	 */
	private Object head;

	/** The link from this mailbox, as the first stub, to the first envelope. */
	private @Nullable Envelope firstNext;

	Mailbox() {
		this.head = this;
		this.tail = this;
	}

	/**
	 * Add an envelope at the tail. Called from any producer thread; lock-free, one atomic
	 * swap. Memory consistency effects: actions before the call happen-before the
	 * consumer's {@link #poll()} that returns the envelope.
	 */
	final void enqueue(Envelope envelope) {
		Object previous = TAIL.getAndSet(this, envelope);
		soNext(previous, envelope);
	}

	/**
	 * Take the envelope at the head. Called from the consumer thread only. The envelope's
	 * fields stay readable; the caller clears them once read, since the envelope stays in
	 * the queue as its stub.
	 * @return the envelope, or {@code null} if the queue is empty or its next envelope is
	 * not linked yet (see {@link #hasMessages()} for telling the two apart)
	 */
	final @Nullable Envelope poll() {
		Object stub = this.head;
		Envelope next = lvNext(stub);
		if (next == null) {
			if (this.tail == stub) {
				return null;
			}
			for (int spins = LINK_SPINS; next == null && spins > 0; spins--) {
				Thread.onSpinWait();
				next = lvNext(stub);
			}
			if (next == null) {
				return null;
			}
		}
		// unlink the old stub: no envelope keeps the ones after it reachable
		spNext(stub);
		HEAD.setOpaque(this, next);
		return next;
	}

	/**
	 * Whether an envelope was enqueued and not taken yet. Called from the consumer
	 * thread, or by a thread that just gave up consuming: the tail is read with a
	 * volatile load, ordered with the caller's preceding atomic update of the schedule
	 * state.
	 */
	final boolean hasMessages() {
		return this.tail != this.head;
	}

	/** Whether the queue looks empty. Called from any thread; a hint, not a guarantee. */
	final boolean looksEmpty() {
		return this.tail == HEAD.getOpaque(this);
	}

	/**
	 * The number of envelopes waiting, found by walking the queue. Called from any
	 * thread; the answer may be behind while producers and the consumer run. O(size).
	 */
	final int sizeEstimate() {
		int size = 0;
		Object node = HEAD.getOpaque(this);
		Envelope next;
		while ((next = next(node)) != null && size < Integer.MAX_VALUE) {
			size++;
			node = next;
		}
		return size;
	}

	private @Nullable Envelope next(Object node) {
		return (node == this) ? (Envelope) FIRST_NEXT.getOpaque(this) : (Envelope) NEXT.getOpaque((Envelope) node);
	}

	/** Link a node to the next envelope, with a release store. Producer only. */
	private void soNext(Object node, Envelope next) {
		if (node == this) {
			FIRST_NEXT.setRelease(this, next);
		}
		else {
			NEXT.setRelease((Envelope) node, next);
		}
	}

	/** The link of a node, with an acquire load. Consumer only. */
	private @Nullable Envelope lvNext(Object node) {
		return (node == this) ? (Envelope) FIRST_NEXT.getAcquire(this) : (Envelope) NEXT.getAcquire((Envelope) node);
	}

	/** Clear the link of a node the consumer has moved past, with a plain store. */
	private void spNext(Object node) {
		if (node == this) {
			this.firstNext = null;
		}
		else {
			((Envelope) node).next = null;
		}
	}

	// ForkJoinTask: a mailbox is a task that never completes, so it can be scheduled
	// again

	/**
	 * Run a turn; then, on a shared-pool worker left with nothing to run, the turns of
	 * the mailboxes submitted from outside the pool while it lingers. Called by the pool.
	 */
	@Override
	protected final boolean exec() {
		Mailbox mailbox = this;
		do {
			mailbox.run();
			mailbox = lingerForSubmission();
		}
		while (mailbox != null);
		return false;
	}

	/*-
	 * Lingering. A worker that finds no task parks, and the next task submitted from outside the
	 * pool (a Bridge call, a send from a plain thread) must unpark it: a futex wake that costs the
	 * submitting thread, and the worker its wake-up, several microseconds each, more than the turn
	 * itself. So a turn that leaves its worker's queue empty does not return to the pool at once: for
	 * up to LINGER_ROUNDS rounds it polls the pool's submission queues, yielding its core between
	 * polls to any runnable thread, and runs the first mailbox it finds in the same exec() (a loop,
	 * not a recursion). Meanwhile the pool counts the worker as active, so submitters do not wake
	 * another. Only SharedWorkerThreads linger; the shared pool runs nothing but mailboxes.
	 */

	private static final int LINGER_ROUNDS = 8;

	/**
	 * Wait a little for a mailbox submitted from outside the pool, if this is a
	 * shared-pool worker with an empty queue. Called by the worker that ran a turn.
	 * @return the mailbox to run next, or {@code null} to return to the pool
	 */
	private static @Nullable Mailbox lingerForSubmission() {
		if (!(Thread.currentThread() instanceof SharedWorkerThread) || getQueuedTaskCount() != 0) {
			return null;
		}
		for (int round = 0; round < LINGER_ROUNDS; round++) {
			ForkJoinTask<?> submission = pollSubmission();
			if (submission != null) {
				return (Mailbox) submission;
			}
			Thread.yield();
		}
		return null;
	}

	/** Run one turn of the actor. Called by the executor. */
	abstract void run();

	@Override
	public final Void getRawResult() {
		return null;
	}

	@Override
	protected final void setRawResult(Void value) {
	}

}
