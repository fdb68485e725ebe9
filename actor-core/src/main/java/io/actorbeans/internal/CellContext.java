package io.actorbeans.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

import io.actorbeans.ActorContext;
import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.DeadLetter;
import io.actorbeans.SpawnOptions;
import io.actorbeans.StashOverflowException;
import io.actorbeans.Timers;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ActorContext} of one actor, and the state that few actors need, made on
 * first use (the first handler that asks for a context, the first failure, a Stop): the
 * sender of the message being handled, the failure count, the stash, the behaviour stack,
 * the timers and the watched actors. Only from the actor's own thread (or the thread that
 * holds its schedule once it has terminated), but for the failure count, which monitoring
 * threads read.
 */
final class CellContext implements ActorContext {

	/*-
	 * A separate object rather than the cell itself, so that no ActorRef can be cast into a
	 * context, and so that an idle actor, or one that never uses these features, pays one null field
	 * for them: the sender of the message being handled (only a context can tell it), the actor to
	 * reply Stopped to once a Stop is taken, and the failure count live here too.
	 *
	 * Stash: stash() copies the message being handled, with its sender, into the stash; unstashAll()
	 * moves the stash, in order, to the front of the unstashed queue, which the cell takes from
	 * before its mailbox. Behaviours: become() pushes the current behaviour; the bottom of the stack
	 * is the actor's own, the one its factory made. Watching: the set of actors this one watches; a
	 * Terminated signal opens only while its actor is in the set, and is removed from it then.
	 */

	private static final VarHandle FAILURES;

	static {
		try {
			FAILURES = MethodHandles.lookup().findVarHandle(CellContext.class, "failures", long.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final ActorCell cell;

	private final int stashCapacity;

	/**
	 * The sender of the message being handled; once a Stop is taken, the actor to reply
	 * Stopped to. Read and written by the cell's consumer only.
	 */
	@Nullable ActorRef sender;

	/** Written by the cell's consumer only, read by monitoring threads. */
	private long failures;

	/** The message being handled, while a handler that takes the context runs. */
	private @Nullable Object current;

	// Each made on first use: a context costs little until its features are used.

	private @Nullable ArrayDeque<Envelope> stash;

	private @Nullable ArrayDeque<Envelope> unstashed;

	/** The behaviours replaced by become(), the most recent first. */
	private @Nullable ArrayDeque<Object> previousBehaviors;

	private @Nullable CellTimers timers;

	private @Nullable Set<ActorCell> watching;

	CellContext(ActorCell cell, int stashCapacity) {
		this.cell = cell;
		this.stashCapacity = stashCapacity;
	}

	/** Enter a handler for this message. Actor's thread only. */
	CellContext enter(Object message) {
		this.current = message;
		return this;
	}

	/** Leave the handler. Actor's thread only. */
	void leave() {
		this.current = null;
		this.sender = null;
	}

	@Override
	public ActorRef self() {
		return this.cell;
	}

	@Override
	public @Nullable ActorRef sender() {
		return this.sender;
	}

	@Override
	public void reply(Object message) {
		this.cell.reply(this.sender, message);
	}

	@Override
	public ActorSystem system() {
		return this.cell.system();
	}

	@Override
	public void stop() {
		this.cell.requestStop();
	}

	/** Count a handler failure. Called by the cell's consumer only. */
	void countFailure() {
		FAILURES.setOpaque(this, this.failures + 1);
	}

	/** The handler failures so far. Any thread; a snapshot, never torn. */
	long getFailuresOpaque() {
		return (long) FAILURES.getOpaque(this);
	}

	// Stash

	@Override
	public void stash() {
		Object message = this.current;
		if (message == null) {
			throw new IllegalStateException("Actor '" + this.cell.name()
					+ "' can stash only the message being handled, from its handler, once");
		}
		this.current = null;
		ActorRef sender = this.sender;
		ArrayDeque<Envelope> stash = this.stash;
		if (stash == null) {
			stash = new ArrayDeque<>();
			this.stash = stash;
		}
		if (stash.size() >= this.stashCapacity) {
			this.cell.system().deadLetter(message, sender, this.cell, DeadLetter.Reason.STASH_FULL);
			throw new StashOverflowException("Actor '" + this.cell.name() + "' cannot stash "
					+ message.getClass().getName() + ": its stash holds its capacity of " + this.stashCapacity
					+ " messages; unstash them, or spawn it with a larger SpawnOptions.withStashCapacity");
		}
		stash.addLast(new Envelope(message, sender));
	}

	@Override
	public void unstashAll() {
		ArrayDeque<Envelope> stash = this.stash;
		if (stash == null || stash.isEmpty()) {
			return;
		}
		ArrayDeque<Envelope> unstashed = this.unstashed;
		if (unstashed == null) {
			unstashed = new ArrayDeque<>(stash.size());
			this.unstashed = unstashed;
		}
		Iterator<Envelope> newestFirst = stash.descendingIterator();
		while (newestFirst.hasNext()) {
			unstashed.addFirst(newestFirst.next());
		}
		stash.clear();
	}

	@Override
	public int stashSize() {
		return (this.stash != null) ? this.stash.size() : 0;
	}

	/** Whether unstashed messages wait to be handled. Actor's thread only. */
	boolean hasUnstashed() {
		return this.unstashed != null && !this.unstashed.isEmpty();
	}

	/** The next unstashed message, or {@code null}. Actor's thread only. */
	@Nullable Envelope takeUnstashed() {
		return (this.unstashed != null) ? this.unstashed.pollFirst() : null;
	}

	// Behaviours

	@Override
	public void become(Object behavior) {
		Objects.requireNonNull(behavior, "'behavior' must not be null");
		HandlerTable handlers = HandlerTable.of(behavior.getClass());
		if (this.previousBehaviors == null) {
			this.previousBehaviors = new ArrayDeque<>();
		}
		this.previousBehaviors.push(this.cell.behavior());
		this.cell.switchBehavior(behavior, handlers);
	}

	@Override
	public void unbecome() {
		Object previous = (this.previousBehaviors != null) ? this.previousBehaviors.poll() : null;
		if (previous == null) {
			throw new IllegalStateException("Actor '" + this.cell.name() + "' cannot unbecome: no become is in effect");
		}
		this.cell.switchBehavior(previous, HandlerTable.of(previous.getClass()));
	}

	/** The behaviour the actor was spawned (or restarted) with. Actor's thread only. */
	Object rootBehavior(Object current) {
		Object root = (this.previousBehaviors != null) ? this.previousBehaviors.peekLast() : null;
		return (root != null) ? root : current;
	}

	// Timers

	@Override
	public Timers timers() {
		CellTimers cellTimers = this.timers;
		if (cellTimers == null) {
			cellTimers = new CellTimers(this.cell, this.cell.system().scheduler());
			this.timers = cellTimers;
		}
		return cellTimers;
	}

	/** The message of a timer's tick, or {@code null} if it is stale. */
	@Nullable Object timerFired(TimerSignal timer) {
		return (this.timers != null) ? this.timers.fired(timer) : null;
	}

	// Watch

	@Override
	public void watch(ActorRef actor) {
		ActorCell target = this.cell.system().cellOf(actor, "watch");
		if (this.watching == null) {
			this.watching = new HashSet<>();
		}
		if (this.watching.add(target)) {
			this.cell.system().watch(target, this.cell);
		}
	}

	@Override
	public void unwatch(ActorRef actor) {
		if (actor instanceof ActorCell target && this.watching != null && this.watching.remove(target)) {
			this.cell.system().unwatch(target, this.cell);
		}
	}

	/**
	 * End the watch of an actor whose Terminated came in.
	 * @return whether it was still watched
	 */
	boolean endWatch(ActorRef actor) {
		return this.watching != null && this.watching.remove(actor);
	}

	// Ask, pipe, children

	@Override
	public <T> CompletableFuture<T> ask(ActorRef target, Object request, Duration timeout) {
		return this.cell.system().bridge().ask(target, request, timeout);
	}

	@Override
	public <T> void pipeToSelf(CompletionStage<T> future,
			BiFunction<? super @Nullable T, ? super @Nullable Throwable, ?> mapper) {
		Objects.requireNonNull(future, "'future' must not be null");
		Objects.requireNonNull(mapper, "'mapper' must not be null");
		ActorCell self = this.cell;
		future.whenComplete((value, failure) -> self.send(new PipedSignal(value, unwrap(failure), mapper), null));
	}

	private static @Nullable Throwable unwrap(@Nullable Throwable failure) {
		return (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause() : failure;
	}

	@Override
	public ActorRef spawn(String name, Object behavior) {
		return spawn(name, behavior, SpawnOptions.defaults());
	}

	@Override
	public ActorRef spawn(String name, Object behavior, SpawnOptions options) {
		return this.cell.system().spawnChild(this.cell, name, behavior, options);
	}

	// The end

	/**
	 * Put the stash back ahead of the mailbox and forget every become, for a restart.
	 * Actor's thread only.
	 */
	void restarted() {
		unstashAll();
		if (this.previousBehaviors != null) {
			this.previousBehaviors.clear();
		}
	}

	/**
	 * Release what the actor holds once it has terminated: stashed messages become dead
	 * letters, timers end, watches end. Called once, holding the actor's schedule.
	 */
	void finish() {
		unstashAll();
		Envelope envelope;
		while ((envelope = takeUnstashed()) != null) {
			this.cell.system()
				.deadLetter(Objects.requireNonNull(envelope.message), envelope.sender, this.cell,
						DeadLetter.Reason.STOPPED);
		}
		if (this.timers != null) {
			this.timers.cancelAll();
		}
		if (this.watching != null) {
			for (ActorCell target : this.watching) {
				this.cell.system().unwatch(target, this.cell);
			}
			this.watching.clear();
		}
	}

	@Override
	public String toString() {
		return "ActorContext[" + this.cell.name() + "]";
	}

}
