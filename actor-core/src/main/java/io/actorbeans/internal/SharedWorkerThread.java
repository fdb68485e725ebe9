package io.actorbeans.internal;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * A thread of the shared dispatcher's pool, which counts the turns it runs.
 */
final class SharedWorkerThread extends ForkJoinWorkerThread {

	/*-
	 * Every ADMISSION_INTERVAL turns, the turn ending on this thread moves the pool's external
	 * submissions onto this thread's queue (see ActorCell.admitSubmissions). Looking at the
	 * submission queues scans the pool's queue array, too much to do after every turn of a
	 * ping-pong; once in a few turns keeps the delay of an actor woken from outside bounded.
	 * The counter is only touched by this thread.
	 */

	private static final int ADMISSION_INTERVAL = 8;

	private int turns;

	SharedWorkerThread(ForkJoinPool pool) {
		super(pool);
	}

	/** Count a turn; whether this one should admit the submissions. This thread only. */
	boolean admitsAfterThisTurn() {
		return (++this.turns % ADMISSION_INTERVAL) == 0;
	}

}
