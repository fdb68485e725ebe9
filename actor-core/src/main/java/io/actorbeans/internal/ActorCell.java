package io.actorbeans.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;

import io.actorbeans.ActorContext;
import io.actorbeans.ActorInfo;
import io.actorbeans.ActorRef;
import io.actorbeans.ContextPropagator;
import io.actorbeans.ActorState;
import io.actorbeans.BehaviorFactory;
import io.actorbeans.CallerRef;
import io.actorbeans.DeadLetter;
import io.actorbeans.Dispatcher;
import io.actorbeans.HandlerFailedException;
import io.actorbeans.MessageObserver;
import io.actorbeans.SpawnOptions;
import io.actorbeans.Stop;
import io.actorbeans.Stopped;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One actor: its behaviour, its mailbox and its schedule state. The cell is also the
 * actor's {@link ActorRef}, its mailbox, and the task its dispatcher runs.
 */
final class ActorCell extends Mailbox implements ActorRef, Runnable {

	/*-
	 * Overview:
	 *
	 * The mailbox (the superclass) is an intrusive MPSC queue whose nodes are the envelopes, so a
	 * send allocates one envelope and nothing else, and an idle actor holds no node.
	 *
	 * The state word holds SCHEDULED, TERMINATED, FAILED, CLEANED, FINISHED and STOP_REQUESTED bits
	 * (the last set by the consumer only, through the context). A sender enqueues, then, if SCHEDULED is
	 * clear, sets it with one CAS and hands the cell to its executor. Whoever holds
	 * SCHEDULED is the only consumer of the mailbox: a dispatcher thread running a turn, or, once the
	 * actor has terminated, any thread that drains what arrives into dead letters. A turn handles at
	 * most `throughput` messages; if more are waiting it hands the cell back to the executor (keeping
	 * SCHEDULED), so that no actor keeps a thread from the others. Otherwise it clears SCHEDULED and
	 * checks the mailbox once more: a sender that enqueued while the bit was set saw it set and did
	 * not schedule, so the consumer must; and if TERMINATED was set meanwhile (abort() from another
	 * thread, which saw SCHEDULED held and left the ending to the holder), it takes SCHEDULED again to
	 * finish the actor.
	 *
	 * Runtime signals (a Stop from the system or a parent, a watched actor's Terminated, a timer's tick,
	 * a Stopped reply, the start of the spawn options' timers) travel in the same queue, so they keep
	 * its order and its one-thread rule, but they bypass a bounded mailbox's count: a full mailbox can
	 * refuse a user's message, never a signal. They are not user messages: a handler that takes one
	 * counts it as a signal, not as processed, and one that finds its actor ended is dropped (its timer,
	 * its watch and its Stop ended with the actor).
	 *
	 * Nothing thrown escapes a turn: a ForkJoinTask that throws is marked failed by its pool and never
	 * runs again, which would leave SCHEDULED set and every later message unread. A failure outside the
	 * handlers, or an executor that refuses the turn (it has shut down), ends the actor as failed and
	 * turns what its mailbox holds into dead letters.
	 *
	 * Invariants:
	 * - At most one thread consumes the mailbox and runs handlers at a time (the one holding SCHEDULED).
	 * - Once TERMINATED is set no handler runs again; every envelope taken after that becomes a dead
	 *   letter, and a send that sees TERMINATED never enqueues.
	 * - CLEANED is set once, by the consumer that first sees TERMINATED: the actor's resources are
	 *   released exactly once, and its children are sent a Stop.
	 * - FINISHED is set once, after CLEANED and after every child has finished: only then is the actor
	 *   unregistered, its watchers told and its Stop requester sent Stopped. So a parent ends after its
	 *   children, and its name and theirs are free again once it has ended.
	 * - Every user message taken ends exactly once: processed (a handler took it, returned or threw; a
	 *   Stop; a pipe's outcome whatever its mapper did) or a dead letter (no handler took it, the actor
	 *   had stopped, the stash was full). A stashed message counts when it is finally handled.
	 * - The counters (processed, lastActivity, processingNanos, and the failures the context counts)
	 *   are written only by the consumer and read by monitoring threads with opaque reads: they are
	 *   fresh enough for a snapshot, never torn.
	 * - No turn reads the clock but to time one turn in PROCESSING_SAMPLE: lastActivity comes from
	 *   the system's coarse clock (at most a few milliseconds old), and the processing time is
	 *   estimated from the timed turns.
	 *
	 * Layout: an idle actor is this cell, its name, its behaviour and a registry slot, so the cell
	 * holds only what differs between actors. What actors spawned alike share (system, executor,
	 * failure policy, capacity) is one CellProfile; what few actors use (the sender for the
	 * context, the failure count, the Stop requester) lives in the CellContext, made on first use.
	 *
	 * What actors use beyond messages lives in their CellContext too: unstashed messages are taken
	 * from it ahead of the mailbox, become() replaces (behavior, handlers), and timers, watch notices
	 * and piped outcomes arrive through the mailbox as Signals, which the cell opens into the message
	 * the handlers see (or into nothing when stale) on the actor's own thread.
	 */

	private static final Logger logger = LoggerFactory.getLogger(ActorCell.class);

	private static final long serialVersionUID = 1L;

	private static final int SCHEDULED = 1;

	private static final int TERMINATED = 2;

	private static final int FAILED = 4;

	/**
	 * Set once the resources of a terminated actor are released and its children told to
	 * stop.
	 */
	private static final int CLEANED = 8;

	/** Set by ActorContext.stop() during a handler: the actor ends after it. */
	private static final int STOP_REQUESTED = 16;

	/** Set once the actor and all its children have ended: it is unregistered then. */
	private static final int FINISHED = 32;

	/** Outcome of {@link #offer}: the message was enqueued. */
	static final int ACCEPTED = 0;

	/** Outcome of {@link #offer}: the actor has terminated. */
	static final int REJECTED_STOPPED = 1;

	/** Outcome of {@link #offer}: the bounded mailbox is full. */
	static final int REJECTED_FULL = 2;

	/**
	 * One turn in this many, at random, is timed, and counts for as many in the
	 * processing time: two clock reads per turn would cost a message-per-turn workload
	 * half its throughput. A power of two.
	 */
	private static final int PROCESSING_SAMPLE = 16;

	private static final VarHandle STATE;

	private static final VarHandle PROCESSED;

	private static final VarHandle LAST_ACTIVITY;

	private static final VarHandle PROCESSING_NANOS;

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			STATE = lookup.findVarHandle(ActorCell.class, "state", int.class);
			PROCESSED = lookup.findVarHandle(ActorCell.class, "processed", long.class);
			LAST_ACTIVITY = lookup.findVarHandle(ActorCell.class, "lastActivity", long.class);
			PROCESSING_NANOS = lookup.findVarHandle(ActorCell.class, "processingNanos", long.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final String name;

	private final CellProfile profile;

	private Object behavior;

	private HandlerTable handlers;

	private volatile int state;

	private long processed;

	/**
	 * The coarse System.nanoTime() of the start of the last turn, or of the spawn (see
	 * DefaultActorSystem.coarseNanoTime).
	 */
	private long lastActivity;

	private long processingNanos;

	/**
	 * Created on first use. Written by the consumer only; read by monitoring threads for
	 * the failure count.
	 */
	private @Nullable CellContext context;

	ActorCell(String name, CellProfile profile, Object behavior, HandlerTable handlers) {
		this.name = name;
		this.profile = profile;
		this.behavior = behavior;
		this.handlers = handlers;
		this.lastActivity = profile.system.coarseNanoTime();
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public void send(Object message, @Nullable ActorRef sender) {
		deliver(message, sender);
	}

	/**
	 * {@link #send}, telling whether the message was enqueued; a message that was not is
	 * a dead letter. Thread-safe.
	 */
	boolean deliver(Object message, @Nullable ActorRef sender) {
		return deliver(message, sender, this.profile.system.captureContext());
	}

	/**
	 * {@link #deliver(Object, ActorRef)} carrying a given context rather than the current
	 * thread's. Thread-safe.
	 */
	boolean deliver(Object message, @Nullable ActorRef sender, @Nullable Object context) {
		int outcome = offer(message, sender, context);
		if (outcome != ACCEPTED) {
			this.profile.system.deadLetter(message, sender, this,
					(outcome == REJECTED_FULL) ? DeadLetter.Reason.MAILBOX_FULL : DeadLetter.Reason.STOPPED);
			return false;
		}
		return true;
	}

	/**
	 * Enqueue a message and schedule the actor if it was idle. Thread-safe.
	 * @return {@link #ACCEPTED}, or why the message was not enqueued; a rejected message
	 * is the caller's to report
	 */
	int offer(Object message, @Nullable ActorRef sender) {
		return offer(message, sender, this.profile.system.captureContext());
	}

	private int offer(Object message, @Nullable ActorRef sender, @Nullable Object context) {
		Objects.requireNonNull(message, "'message' must not be null");
		if ((this.state & TERMINATED) != 0) {
			return REJECTED_STOPPED;
		}
		if (this.profile.capacity > 0 && !this.profile.tryIncrementCount()) {
			return REJECTED_FULL;
		}
		enqueue(Envelope.of(message, sender, context));
		this.profile.system.countIfDraining();
		schedule();
		return ACCEPTED;
	}

	/**
	 * Enqueue a runtime signal, whatever the mailbox's bound, and schedule the actor if
	 * it was idle. Thread-safe.
	 * @return whether it was enqueued: {@code false} once the actor has terminated, when
	 * the signal has nothing left to act on
	 */
	boolean offerSignal(Signal signal, @Nullable ActorRef sender) {
		// a runtime signal never fails, so it captures nothing
		if (!enqueueSignal(signal, sender, null)) {
			return false;
		}
		this.profile.system.countIfDraining();
		return true;
	}

	/**
	 * {@link #offerSignal} for a timer's tick, which is not work that a shutdown waits
	 * for, and carries the context of the handler that started the timer. Thread-safe.
	 */
	boolean offerTick(TimerSignal tick) {
		return enqueueSignal(tick, null, tick.context());
	}

	private boolean enqueueSignal(Signal signal, @Nullable ActorRef sender, @Nullable Object context) {
		if ((this.state & TERMINATED) != 0) {
			return false;
		}
		enqueue(Envelope.of(signal, sender, context));
		schedule();
		return true;
	}

	/**
	 * Have the actor stop, whatever its mailbox's bound: a Stop from the runtime.
	 * Thread-safe.
	 */
	void stopBySystem() {
		offerSignal(StopSignal.INSTANCE, null);
	}

	/**
	 * Take SCHEDULED if it is clear and hand the cell to whoever must consume.
	 * Thread-safe.
	 */
	private void schedule() {
		for (;;) {
			int current = this.state;
			if ((current & SCHEDULED) != 0) {
				return;
			}
			if (STATE.compareAndSet(this, current, current | SCHEDULED)) {
				if ((current & TERMINATED) != 0) {
					drainTerminated();
				}
				else {
					submit();
				}
				return;
			}
		}
	}

	/**
	 * Hand the cell to its executor. Holding SCHEDULED. An executor that refuses it has
	 * shut down and will never run the actor: it ends, as failed, here.
	 */
	private void submit() {
		try {
			this.profile.executor.execute(this);
		}
		catch (RejectedExecutionException ex) {
			logger.error("Actor '{}' cannot run: its dispatcher has shut down; it has stopped, and the messages it "
					+ "holds are dead letters", this.name, ex);
			terminate(true);
			drainTerminated();
		}
	}

	/**
	 * Start the actor if a message waits for it: the timers of its spawn options, queued
	 * before it was registered. Called once, by the spawning thread, after registration.
	 */
	void activate() {
		if (hasMessages()) {
			schedule();
		}
	}

	/**
	 * Run one turn. Called by the executor only, holding SCHEDULED. Throws nothing: a
	 * failure outside the handlers ends the actor.
	 */
	@Override
	public void run() {
		try {
			turn();
		}
		catch (Throwable ex) {
			logger.error("Actor '{}' has failed outside its handlers; it has stopped", this.name, ex);
			terminate(true);
			try {
				drainTerminated();
			}
			catch (Throwable again) {
				logger.error("Actor '{}' could not finish after a failure outside its handlers", this.name, again);
			}
		}
	}

	private void turn() {
		int budget = this.profile.system.throughput();
		if ((this.state & TERMINATED) == 0) {
			LAST_ACTIVITY.setOpaque(this, this.profile.system.coarseNanoTime());
			// a random sample: a counter per actor would cost every idle actor a field
			boolean timed = (ThreadLocalRandom.current().nextInt() & (PROCESSING_SAMPLE - 1)) == 0;
			long start = timed ? System.nanoTime() : 0L;
			try {
				budget = handleMessages(budget);
			}
			catch (Throwable ex) {
				// Handlers' failures are handled in handle(); this is the runtime's own,
				// or a sender's.
				logger.error("Actor '{}' has failed outside its handlers", this.name, ex);
				terminate(true);
			}
			if (timed) {
				PROCESSING_NANOS.setOpaque(this,
						this.processingNanos + PROCESSING_SAMPLE * (System.nanoTime() - start));
			}
		}
		if ((this.state & TERMINATED) != 0) {
			drainTerminated();
		}
		else if (budget == 0 && (hasMessages() || hasUnstashed())) {
			admitSubmissions();
			submit();
		}
		else {
			admitSubmissions();
			release();
		}
	}

	/**
	 * Move the tasks submitted to the shared pool from outside it onto this worker's
	 * queue, so that actors woken from outside (by a Bridge call, say) get their turn
	 * among the actors the pool's workers keep waking themselves. A ForkJoinPool worker
	 * runs its own queue until it is empty before it looks at submissions, so without
	 * this, as many actors as the pool has threads that keep messaging themselves or each
	 * other would starve every other actor. Called at the end of a turn; does its work
	 * once in a few turns of each worker thread (see SharedWorkerThread).
	 */
	private void admitSubmissions() {
		if (Thread.currentThread() instanceof SharedWorkerThread worker && worker.admitsAfterThisTurn()
				&& this.profile.executor instanceof ForkJoinPool pool && pool.hasQueuedSubmissions()) {
			ForkJoinTask<?> submission;
			while ((submission = pollSubmission()) != null) {
				pool.execute(submission);
			}
		}
	}

	/** Handle up to {@code budget} messages; returns the budget left. Consumer only. */
	private int handleMessages(int budget) {
		while (budget > 0 && (this.state & TERMINATED) == 0) {
			CellFeatures features = features();
			Envelope envelope = (features != null && features.hasUnstashed()) ? features.takeUnstashed() : take();
			if (envelope == null) {
				break;
			}
			budget--;
			Object message = envelope.message;
			ActorRef sender = envelope.sender;
			envelope.message = null;
			envelope.sender = null;
			if (envelope instanceof ContextEnvelope carrying) {
				try (ContextPropagator.Scope scope = this.profile.system.propagator.restore(carrying.context)) {
					dispatch(message, sender, carrying.context);
				}
			}
			else {
				dispatch(message, sender, null);
			}
		}
		return budget;
	}

	/** Handle one message, which carried the given context. Consumer only. */
	private void dispatch(Object message, @Nullable ActorRef sender, @Nullable Object carried) {
		if (message.getClass() == Stop.class) {
			// the actor ends, then replies Stopped to this sender (see complete)
			countProcessed();
			terminate(false);
			context().sender = sender;
		}
		else if (message instanceof Signal signal) {
			handleSignal(signal, sender, carried);
		}
		else {
			handle(message, sender, true, carried);
		}
	}

	private boolean hasUnstashed() {
		CellFeatures features = features();
		return features != null && features.hasUnstashed();
	}

	/** The state of the context's features, if the actor has used any. Consumer only. */
	private @Nullable CellFeatures features() {
		CellContext context = this.context;
		return (context != null) ? context.featuresIfAny() : null;
	}

	/**
	 * Open a signal into the message its handlers see, and handle that. A pipe's outcome
	 * is a user message whatever its mapper does; a runtime signal counts as a signal.
	 */
	private void handleSignal(Signal signal, @Nullable ActorRef sender, @Nullable Object carried) {
		boolean userMessage = !signal.isRuntime();
		Object message = null;
		try {
			message = signal.open(context());
		}
		catch (Throwable ex) {
			onFailure(signal.payload(), null, signal.failureSite(), ex);
		}
		if (message != null) {
			handle(message, sender, userMessage, carried);
			return;
		}
		// a pipe whose mapper threw or returned nothing was processed all the same
		if (userMessage) {
			countProcessed();
		}
		if ((this.state & STOP_REQUESTED) != 0) {
			terminate(false);
		}
	}

	private void handle(Object message, @Nullable ActorRef sender, boolean userMessage, @Nullable Object carried) {
		MessageObserver observer = this.profile.system.observer;
		if (observer == null) {
			invoke(message, sender, userMessage, carried);
			return;
		}
		MessageObserver.Handling handling = observer.start(this, message);
		HandlingOutcome.end(handling, invoke(message, sender, userMessage, carried));
	}

	/**
	 * Have the message's handler take it.
	 * @return {@code null} if a handler took it and returned, what it threw if it threw,
	 * or {@link HandlingOutcome#UNHANDLED}
	 */
	private @Nullable Object invoke(Object message, @Nullable ActorRef sender, boolean userMessage,
			@Nullable Object carried) {
		Handler handler = null;
		CellContext context = null;
		Object outcome = null;
		try {
			handler = this.handlers.find(message.getClass());
			if (handler == null) {
				this.profile.system.deadLetter(message, sender, this, DeadLetter.Reason.UNHANDLED);
				return HandlingOutcome.UNHANDLED;
			}
			// only a context can tell the handler its sender: none made, none to tell
			context = handler.takesContext() ? context().enter(message) : this.context;
			if (context != null) {
				context.sender = sender;
				context.carried = carried;
			}
			Object reply;
			try {
				reply = handler.invoke(this.behavior, message, sender, handler.takesContext() ? context : null);
			}
			finally {
				// a stashed message counts when it is handled for good
				if (!handler.takesContext() || !context.stashedCurrent()) {
					countHandled(userMessage);
				}
			}
			if (reply != null) {
				replyTo(sender, reply, message, handler);
			}
		}
		catch (Throwable ex) {
			onFailure(message, sender,
					(handler != null) ? "in handler '" + handler + "'" : "while looking up its handler", ex);
			outcome = ex;
		}
		finally {
			if (context != null) {
				context.leave();
			}
		}
		if ((this.state & STOP_REQUESTED) != 0) {
			terminate(false);
		}
		return outcome;
	}

	private void countProcessed() {
		PROCESSED.setOpaque(this, this.processed + 1);
	}

	private void countHandled(boolean userMessage) {
		if (userMessage) {
			countProcessed();
		}
		else {
			context().countSignal();
		}
	}

	/**
	 * Send a handler's result to the sender; a {@link CompletionStage}, or a result the
	 * system's reply adapter supports, replies with its value once it completes (see
	 * StageReplies).
	 */
	private void replyTo(@Nullable ActorRef sender, Object result, Object message, Handler handler) {
		StageReplies replies = this.profile.system.stageReplies;
		CompletionStage<?> stage = replies.stageOf(result);
		if (stage == null) {
			reply(sender, result);
		}
		else {
			replies.replyWhenComplete(this, sender, stage, message, handler);
		}
	}

	private void onFailure(Object message, @Nullable ActorRef sender, String where, Throwable ex) {
		context().countFailure();
		String description = "Actor '" + this.name + "' failed handling " + message.getClass().getName() + " " + where;
		logger.warn("{} ({}: {})", description, this.profile.failurePolicy, ex.toString(), ex);
		if (sender instanceof CallerRef caller) {
			caller.requestFailed(new HandlerFailedException(description + ": " + ex, ex));
		}
		switch (this.profile.failurePolicy) {
			case RESUME -> {
			}
			case STOP -> terminate(true);
			case RESTART -> restart();
		}
	}

	private void restart() {
		BehaviorFactory factory = Objects.requireNonNull(this.profile.factory, "factory");
		try {
			Object fresh = factory.create();
			if (fresh == null) {
				throw new IllegalStateException("the factory returned null");
			}
			this.handlers = HandlerTable.of(fresh.getClass());
			Object old = rootBehavior();
			this.behavior = fresh;
			CellFeatures features = features();
			if (features != null) {
				features.restarted();
			}
			destroy(old);
			logger.info("Actor '{}' restarted with a fresh {}", this.name, fresh.getClass().getName());
		}
		catch (Throwable ex) {
			logger.error("Actor '{}' could not restart and has failed", this.name, ex);
			terminate(true);
		}
	}

	/**
	 * Mark the actor terminated: no handler runs after the current one. Consumer only.
	 */
	private void terminate(boolean failed) {
		STATE.getAndBitwiseOr(this, failed ? (TERMINATED | FAILED) : TERMINATED);
	}

	/**
	 * Mark the actor terminated from outside, for a shutdown that ran out of time: the
	 * messages it has not handled become dead letters. Thread-safe.
	 */
	void abort() {
		int previous = (int) STATE.getAndBitwiseOr(this, TERMINATED);
		if ((previous & TERMINATED) == 0) {
			schedule();
		}
	}

	/**
	 * Clean up a terminated actor once, turn what is left in its mailbox into dead
	 * letters, and release SCHEDULED. Called holding SCHEDULED.
	 */
	private void drainTerminated() {
		do {
			drainToDeadLetters();
			cleanUpOnce();
			STATE.getAndBitwiseAnd(this, ~SCHEDULED);
		}
		while (hasMessages() && tryTakeSchedule());
	}

	/**
	 * Release the actor's resources and stop its children, the first time only; the actor
	 * finishes now if it has no live child, else when its last child finishes. Holding
	 * SCHEDULED.
	 */
	private void cleanUpOnce() {
		int previous = (int) STATE.getAndBitwiseOr(this, CLEANED);
		if ((previous & CLEANED) != 0) {
			return;
		}
		if (this.profile.executor instanceof ExecutorService dedicated
				&& this.profile.system.dispatcherOf(dedicated) == Dispatcher.THREAD) {
			dedicated.shutdown();
		}
		CellFeatures features = features();
		if (features != null) {
			features.finish();
		}
		destroy(rootBehavior());
		if (features == null || features.countDown()) {
			complete();
		}
	}

	/**
	 * A child of this actor has finished; the last one to finish after this actor was
	 * cleaned up completes it. Called by the thread that finished the child.
	 */
	void childFinished() {
		// the context and its features were made before the child was published (see
		// expectChild)
		if (Objects.requireNonNull(this.context, "context").features().countDown()) {
			complete();
		}
	}

	/**
	 * Unregister the finished actor, tell its watchers and its parent, and reply Stopped
	 * to whoever stopped it. Called once, by the thread that cleaned it up or that
	 * finished its last child.
	 */
	private void complete() {
		int previous = (int) STATE.getAndBitwiseOr(this, FINISHED);
		this.profile.system.onTerminated(this, (previous & FAILED) != 0);
		CellContext context = this.context;
		ActorRef stopRequester = (context != null) ? context.sender : null;
		if (stopRequester == null) {
			return;
		}
		context.sender = null;
		Stopped stopped = new Stopped(this.name);
		if (stopRequester instanceof ActorCell requester) {
			requester.offerSignal(new StoppedSignal(stopped), this);
			return;
		}
		try {
			stopRequester.send(stopped, this);
		}
		catch (Throwable ex) {
			logger.warn("Actor '{}' could not reply Stopped to {}", this.name, stopRequester, ex);
		}
	}

	/** Hand a behaviour the actor no longer uses back to its factory, if it has one. */
	private void destroy(Object behavior) {
		BehaviorFactory factory = this.profile.factory;
		if (factory != null) {
			try {
				factory.destroy(behavior);
			}
			catch (Throwable ex) {
				logger.warn("Actor '{}' could not destroy its behaviour {}", this.name, behavior.getClass().getName(),
						ex);
			}
		}
	}

	/**
	 * Turn every message in the mailbox into a dead letter; runtime signals have nothing
	 * left to act on and are dropped (and told so). Holding SCHEDULED.
	 */
	private void drainToDeadLetters() {
		Envelope envelope;
		while ((envelope = take()) != null) {
			Object message = envelope.message;
			ActorRef sender = envelope.sender;
			envelope.message = null;
			envelope.sender = null;
			if (isRuntimeSignal(message)) {
				((Signal) message).dropped();
			}
			else {
				this.profile.system.deadLetter(message, sender, this, DeadLetter.Reason.STOPPED);
			}
		}
	}

	/**
	 * Clear SCHEDULED; take it again if a message arrived meanwhile, or if the actor was
	 * aborted meanwhile (abort() left its ending to this turn). Consumer only.
	 */
	private void release() {
		int previous = (int) STATE.getAndBitwiseAnd(this, ~SCHEDULED);
		if ((previous & TERMINATED) != 0 || hasMessages()) {
			schedule();
		}
	}

	private boolean tryTakeSchedule() {
		int current = this.state;
		return (current & SCHEDULED) == 0 && STATE.compareAndSet(this, current, current | SCHEDULED);
	}

	/**
	 * Take the next envelope, keeping the count of a bounded mailbox, which counts user
	 * messages only. Consumer only.
	 */
	private @Nullable Envelope take() {
		Envelope envelope = poll();
		if (envelope != null && this.profile.capacity > 0 && !isRuntimeSignal(envelope.message)) {
			this.profile.decrementCount();
		}
		return envelope;
	}

	private static boolean isRuntimeSignal(@Nullable Object message) {
		return message instanceof Signal signal && signal.isRuntime();
	}

	private CellContext context() {
		CellContext context = this.context;
		if (context == null) {
			context = new CellContext(this);
			this.context = context;
		}
		return context;
	}

	/**
	 * Give the actor a stash capacity of its own. At spawn, before the cell is published.
	 */
	void useStashCapacity(int stashCapacity) {
		this.context = new CellContext(this, stashCapacity);
	}

	/**
	 * Queue the start of the spawn options' timers as the actor's first signal, so that
	 * they start on its own thread once it is registered ({@link #activate()}): an actor
	 * whose spawn fails never starts one. At spawn, before the cell is published.
	 */
	void startTimersFirst(List<SpawnOptions.PeriodicTimer> timers, @Nullable Object context) {
		enqueue(Envelope.of(new StartTimersSignal(timers), null, context));
	}

	/** The behaviour the actor was spawned or restarted with, beneath any become. */
	private Object rootBehavior() {
		CellFeatures features = features();
		return (features != null) ? features.rootBehavior(this.behavior) : this.behavior;
	}

	// Called through CellContext, from a handler of this actor

	void reply(@Nullable ActorRef sender, Object message) {
		if (sender != null) {
			sender.send(message, this);
		}
		else {
			this.profile.system.deadLetter(message, this, this, DeadLetter.Reason.NO_SENDER);
		}
	}

	void requestStop() {
		STATE.getAndBitwiseOr(this, STOP_REQUESTED);
	}

	DefaultActorSystem system() {
		return this.profile.system;
	}

	/**
	 * Count a child about to be spawned, so that this actor cannot finish before it. From
	 * a handler of this actor, before the child is published.
	 */
	void expectChild() {
		context().features().expectChild();
	}

	/** Forget a child whose spawn failed. From a handler of this actor. */
	void childNotSpawned() {
		context().features().countDown();
	}

	/**
	 * Take a child this actor has spawned into its care: it stops when this actor ends.
	 */
	void adopt(ActorCell child) {
		context().features().adopt(child);
	}

	Object behavior() {
		return this.behavior;
	}

	void switchBehavior(Object behavior, HandlerTable handlers) {
		this.behavior = behavior;
		this.handlers = handlers;
	}

	// Monitoring, from any thread

	/** Whether the actor has ended and been unregistered. */
	boolean isFinished() {
		return (this.state & FINISHED) != 0;
	}

	/** Whether the actor ended of a failure. */
	boolean hasFailed() {
		return (this.state & FAILED) != 0;
	}

	/** Whether the actor has no message waiting and no turn running. */
	boolean isQuiet() {
		return (this.state & SCHEDULED) == 0 && looksEmpty();
	}

	ActorInfo snapshot() {
		int current = this.state;
		ActorState actorState = ((current & FAILED) != 0) ? ActorState.FAILED
				: ((current & TERMINATED) != 0) ? ActorState.STOPPED : ActorState.RUNNING;
		CellContext context = this.context;
		DefaultActorSystem system = this.profile.system;
		return new ActorInfo(this.name, actorState, system.dispatcherOf(this.profile.executor), mailboxSize(),
				(long) PROCESSED.getOpaque(this), (context != null) ? context.getSignalsOpaque() : 0,
				(context != null) ? context.getFailuresOpaque() : 0,
				system.instantOf((long) LAST_ACTIVITY.getOpaque(this)),
				Duration.ofNanos((long) PROCESSING_NANOS.getOpaque(this)), parentName());
	}

	/** Whether another actor spawned this one, from its path name. */
	boolean isChild() {
		return this.name.indexOf('/') >= 0;
	}

	/** The name of the actor that spawned this one as a child, from its path name. */
	@Nullable String parentName() {
		int slash = this.name.lastIndexOf('/');
		return (slash < 0) ? null : this.name.substring(0, slash);
	}

	/**
	 * The number of messages waiting: counted in a bounded mailbox, else by walking the
	 * queue.
	 */
	private int mailboxSize() {
		return (this.profile.capacity > 0) ? this.profile.getCount() : sizeEstimate();
	}

	@Override
	public String toString() {
		return "Actor[" + this.name + "]";
	}

}
