package io.actorbeans.internal;

import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

/**
 * The executor of {@link io.actorbeans.Dispatcher#CALLING_THREAD} actors: the thread that
 * schedules an actor runs its turn at once. Stateless but for a thread-local; one
 * instance serves every system. Thread-safe.
 */
final class CallingThreadExecutor implements Executor {

	/*-
	 * A cell calls execute() when it takes SCHEDULED: a sender that found the actor idle, or the
	 * actor's own turn that ends with messages left (its throughput spent) or that re-checks its
	 * mailbox after releasing SCHEDULED. The first runs the turn here, nested in whatever the thread
	 * is doing (a handler of another actor, say): depth-first. The other two come from inside the
	 * turn itself, which must not recurse into itself once per `throughput` messages; so each thread
	 * keeps the stack of turns it is running, and a turn that schedules itself again while it is the
	 * top of that stack only asks to be run once more when it returns. Only the top can: an actor
	 * below it holds SCHEDULED, which no other thread and no nested turn can take.
	 */

	static final CallingThreadExecutor INSTANCE = new CallingThreadExecutor();

	/** The innermost turn this thread is running, or null. */
	private static final ThreadLocal<@Nullable Turn> running = new ThreadLocal<>();

	private CallingThreadExecutor() {
	}

	@Override
	public void execute(Runnable task) {
		Turn current = running.get();
		if (current != null && current.task == task) {
			current.again = true;
			return;
		}
		Turn turn = new Turn(task);
		running.set(turn);
		try {
			do {
				turn.again = false;
				task.run();
			}
			while (turn.again);
		}
		finally {
			running.set(current);
		}
	}

	@Override
	public String toString() {
		return "CallingThreadExecutor";
	}

	/** A task this thread is running, and whether it asked to run once more. */
	private static final class Turn {

		final Runnable task;

		boolean again;

		Turn(Runnable task) {
			this.task = task;
		}

	}

}
