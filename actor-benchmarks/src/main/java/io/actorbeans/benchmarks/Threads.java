package io.actorbeans.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Helpers shared by the contenders: plain threads started behind a gate, bounded waits,
 * and the used heap after garbage collection.
 *
 * @since 0.1.0
 */
final class Threads {

	/** How long any workload may take before it is declared stuck. */
	static final Duration TIMEOUT = Duration.ofMinutes(2);

	private Threads() {
	}

	/**
	 * Run a task on each of {@code count} new platform threads, all released at once, and
	 * wait for all of them.
	 * @param name the threads' name prefix
	 * @param count the number of threads
	 * @param task the task, given the thread's index
	 * @return the nanoseconds from the release of the threads until the last one ended
	 */
	static long runAll(String name, int count, IntConsumer task) {
		CountDownLatch ready = new CountDownLatch(count);
		CountDownLatch go = new CountDownLatch(1);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		List<Thread> threads = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			int index = i;
			Thread thread = new Thread(() -> {
				ready.countDown();
				try {
					go.await();
					task.accept(index);
				}
				catch (Throwable ex) {
					failure.compareAndSet(null, ex);
				}
			}, name + "-" + i);
			thread.setDaemon(true);
			threads.add(thread);
			thread.start();
		}
		await(ready, name + " threads to start");
		long start = System.nanoTime();
		go.countDown();
		for (Thread thread : threads) {
			join(thread);
		}
		long elapsed = System.nanoTime() - start;
		Throwable thrown = failure.get();
		if (thrown instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (thrown != null) {
			throw new IllegalStateException(thrown);
		}
		return elapsed;
	}

	/**
	 * Wait for a latch, at most {@link #TIMEOUT}.
	 * @param latch the latch
	 * @param what what is awaited, for the message
	 * @throws WrongAnswerException if it did not open in time
	 */
	static void await(CountDownLatch latch, String what) {
		try {
			if (!latch.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new WrongAnswerException("Gave up waiting for " + what + " after " + TIMEOUT);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted waiting for " + what, ex);
		}
	}

	static void join(Thread thread) {
		try {
			thread.join(TIMEOUT.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted waiting for " + thread.getName(), ex);
		}
		if (thread.isAlive()) {
			throw new WrongAnswerException("Gave up waiting for thread " + thread.getName() + " after " + TIMEOUT);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The used heap after full garbage collections, until it no longer shrinks. Measured
	 * the same way for every system.
	 * @return the used heap in bytes
	 */
	static long usedHeapAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 10; i++) {
			System.gc();
			sleep(50);
			long now = memory.getHeapMemoryUsage().getUsed();
			if (now >= used - 64 * 1024 && i >= 2) {
				return Math.min(now, used);
			}
			used = Math.min(now, used);
		}
		return used;
	}

}
