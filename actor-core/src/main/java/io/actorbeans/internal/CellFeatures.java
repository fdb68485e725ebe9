package io.actorbeans.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;

import io.actorbeans.ActorRef;
import io.actorbeans.DeadLetter;
import io.actorbeans.StashOverflowException;
import org.jspecify.annotations.Nullable;

/**
 * The state of what an actor may do beyond handling messages: its stash, its behaviour
 * stack, its timers, the actors it watches and its children. Made by its
 * {@link CellContext} on first use; only from the actor's own thread (or the thread that
 * holds its schedule once it has terminated).
 */
final class CellFeatures {

	/*-
	 * Kept apart from the context, which every actor whose handlers take one has, so that such an
	 * actor pays one null field for all of this until it stashes, becomes, starts a timer, watches or
	 * spawns a child.
	 *
	 * Stash: stash() copies the message being handled, with its sender, into the stash; unstashAll()
	 * moves the stash, in order, to the front of the unstashed queue, which the cell takes from before
	 * its mailbox. Behaviours: become() pushes the current behaviour; the bottom of the stack is the
	 * actor's own, the one its factory made. Watching: the set of actors this one watches; a
	 * Terminated signal opens only while its actor is in the set, and is removed from it then.
	 * Children: the list of the children spawned, to stop when this actor ends. A child that ends
	 * first stays in the list until the list next doubles, when the ended ones are cleared out, so a
	 * parent whose children come and go holds at most about twice as many refs as it has live
	 * children. The one thing a child's end touches from another thread is `unfinished`: one for
	 * the actor itself until it is cleaned up, plus one per child that has not finished. It is counted
	 * up before a child is published and down when the child finishes; whoever counts it down to zero,
	 * the actor's own clean-up or its last child, completes the actor, so a parent finishes after its
	 * children.
	 */

	private static final int MIN_CHILDREN_TO_CLEAR = 16;

	private static final VarHandle UNFINISHED;

	static {
		try {
			UNFINISHED = MethodHandles.lookup().findVarHandle(CellFeatures.class, "unfinished", int.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final ActorCell cell;

	private final int stashCapacity;

	// Each made on first use.

	private @Nullable ArrayDeque<Envelope> stash;

	private @Nullable ArrayDeque<Envelope> unstashed;

	/** The behaviours replaced by become(), the most recent first. */
	private @Nullable ArrayDeque<Object> previousBehaviors;

	private @Nullable CellTimers timers;

	private @Nullable Set<ActorCell> watching;

	/** The children spawned, some of which may have ended since. */
	private @Nullable ArrayList<ActorCell> children;

	/** The number of children at which the ended ones are next cleared from the list. */
	private int childrenToClear = MIN_CHILDREN_TO_CLEAR;

	/**
	 * The actor itself until it is cleaned up, plus its children that have not finished.
	 */
	private volatile int unfinished = 1;

	CellFeatures(ActorCell cell, int stashCapacity) {
		this.cell = cell;
		this.stashCapacity = stashCapacity;
	}

	// Stash

	/**
	 * Stash a message with its sender and the context it carried.
	 * @throws StashOverflowException if the stash is full; the message is then a dead
	 * letter
	 */
	void stash(Object message, @Nullable ActorRef sender, @Nullable Object context) {
		ArrayDeque<Envelope> stash = this.stash;
		if (stash == null) {
			stash = new ArrayDeque<>();
			this.stash = stash;
		}
		if (stash.size() >= this.stashCapacity) {
			this.cell.system().deadLetter(message, sender, this.cell, DeadLetter.Reason.STASH_FULL);
			throw new StashOverflowException(this.cell.name(),
					"Actor '" + this.cell.name() + "' cannot stash " + message.getClass().getName()
							+ ": its stash holds its capacity of " + this.stashCapacity
							+ " messages; unstash them, or spawn it with a larger SpawnOptions.withStashCapacity");
		}
		stash.addLast(Envelope.of(message, sender, context));
	}

	void unstashAll() {
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

	int stashSize() {
		return (this.stash != null) ? this.stash.size() : 0;
	}

	/** Whether unstashed messages wait to be handled. */
	boolean hasUnstashed() {
		return this.unstashed != null && !this.unstashed.isEmpty();
	}

	/** The next unstashed message, or {@code null}. */
	@Nullable Envelope takeUnstashed() {
		return (this.unstashed != null) ? this.unstashed.pollFirst() : null;
	}

	// Behaviours

	void become(Object behavior) {
		Objects.requireNonNull(behavior, "'behavior' must not be null");
		HandlerTable handlers = HandlerTable.of(behavior.getClass());
		if (this.previousBehaviors == null) {
			this.previousBehaviors = new ArrayDeque<>();
		}
		this.previousBehaviors.push(this.cell.behavior());
		this.cell.switchBehavior(behavior, handlers);
	}

	void unbecome() {
		Object previous = (this.previousBehaviors != null) ? this.previousBehaviors.poll() : null;
		if (previous == null) {
			throw new IllegalStateException("Actor '" + this.cell.name() + "' cannot unbecome: no become is in effect");
		}
		this.cell.switchBehavior(previous, HandlerTable.of(previous.getClass()));
	}

	/** The behaviour the actor was spawned (or restarted) with. */
	Object rootBehavior(Object current) {
		Object root = (this.previousBehaviors != null) ? this.previousBehaviors.peekLast() : null;
		return (root != null) ? root : current;
	}

	// Timers

	CellTimers timers() {
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

	void watch(ActorCell target) {
		if (this.watching == null) {
			this.watching = new HashSet<>();
		}
		if (this.watching.add(target)) {
			this.cell.system().watch(target, this.cell);
		}
	}

	void unwatch(ActorRef actor) {
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

	// Children

	/** Count a child before it is published. Actor's thread only. */
	void expectChild() {
		UNFINISHED.getAndAdd(this, 1);
	}

	/**
	 * Count out the actor itself, once it is cleaned up, or one of its children, which
	 * has finished or failed to spawn. Any thread.
	 * @return whether that was the last: the actor may complete
	 */
	boolean countDown() {
		return (int) UNFINISHED.getAndAdd(this, -1) == 1;
	}

	void adopt(ActorCell child) {
		ArrayList<ActorCell> children = this.children;
		if (children == null) {
			children = new ArrayList<>();
			this.children = children;
		}
		children.add(child);
		if (children.size() >= this.childrenToClear) {
			children.removeIf(ActorCell::isFinished);
			this.childrenToClear = Math.max(MIN_CHILDREN_TO_CLEAR, 2 * children.size());
		}
	}

	// The end

	/** Put the stash back ahead of the mailbox and forget every become, for a restart. */
	void restarted() {
		unstashAll();
		if (this.previousBehaviors != null) {
			this.previousBehaviors.clear();
		}
	}

	/**
	 * Release what the actor holds once it has terminated: stashed messages become dead
	 * letters, timers end, watches end, children are stopped. Called once, holding the
	 * actor's schedule.
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
		if (this.children != null) {
			for (ActorCell child : this.children) {
				child.stopBySystem();
			}
		}
		this.children = null;
	}

}
