package io.actorbeans.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.actorbeans.ActorContext;
import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.ActorSystemSettings;
import io.actorbeans.Handles;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Many actors with a periodic timer each, on the system's one scheduler thread: how late
 * the ticks are handled (jitter), and what the timers cost (the scheduler thread's CPU
 * time, and the whole process's CPU time per tick).
 *
 * <pre>
 * java -Xms4g -Xmx4g -XX:+UseG1GC -cp actor-benchmarks/target/actor-benchmarks.jar \
 *     io.actorbeans.benchmarks.TimerJitter [actors] [interval-ms] [seconds]
 * </pre>
 *
 * Defaults: 10,000 actors, 100 ms, 20 s. The first quarter of the run is a warm-up and is
 * not recorded. Lateness is the time from a tick's nominal instant (start + k × interval)
 * to the start of its handler, so it includes the scheduler's delay, the mailbox and the
 * wait for a dispatcher thread.
 *
 * @since 0.1.0
 */
public final class TimerJitter {

	private TimerJitter() {
	}

	/**
	 * Run the benchmark and print its figures.
	 * @param args actors, interval in ms, seconds
	 * @throws InterruptedException if interrupted while waiting for the run to end
	 */
	public static void main(String[] args) throws InterruptedException {
		int actors = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		long intervalMillis = (args.length > 1) ? Long.parseLong(args[1]) : 100;
		long seconds = (args.length > 2) ? Long.parseLong(args[2]) : 20;
		Duration interval = Duration.ofMillis(intervalMillis);
		Recorder lateness = new Recorder(3);
		LongAdder ticks = new LongAdder();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		try (ActorSystem system = ActorSystem.create(ActorSystemSettings.defaults().withName("jitter"))) {
			CountDownLatch started = new CountDownLatch(actors);
			for (int i = 0; i < actors; i++) {
				ActorRef actor = system.spawn("ticker-" + i, new Ticker(interval, lateness, ticks));
				actor.send(new Start(started));
			}
			if (!started.await(1, TimeUnit.MINUTES)) {
				throw new IllegalStateException("The actors did not start their timers within a minute");
			}
			Thread.sleep(TimeUnit.SECONDS.toMillis(seconds) / 4);
			lateness.reset();
			long ticksBefore = ticks.sum();
			long schedulerCpuBefore = schedulerCpuNanos(threads);
			long processCpuBefore = os.getProcessCpuTime();
			long start = System.nanoTime();
			Thread.sleep(TimeUnit.SECONDS.toMillis(seconds) * 3 / 4);
			long elapsed = System.nanoTime() - start;
			Histogram histogram = lateness.getIntervalHistogram();
			long handled = ticks.sum() - ticksBefore;
			long schedulerCpu = schedulerCpuNanos(threads) - schedulerCpuBefore;
			long processCpu = os.getProcessCpuTime() - processCpuBefore;
			double expected = (double) actors * elapsed / interval.toNanos();
			System.out.printf(Locale.ROOT,
					"JVM %s, %d processors (load average %.2f), %d actors, interval %d ms, measured %.1f s%n",
					Runtime.version(), Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage(), actors,
					intervalMillis, elapsed / 1e9);
			System.out.printf(Locale.ROOT, "ticks handled: %d of %.0f due (%.1f%%), %.0f ticks/s%n", handled, expected,
					100.0 * handled / expected, handled / (elapsed / 1e9));
			System.out.printf(Locale.ROOT,
					"lateness: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n",
					millis(histogram.getValueAtPercentile(50)), millis(histogram.getValueAtPercentile(90)),
					millis(histogram.getValueAtPercentile(99)), millis(histogram.getValueAtPercentile(99.9)),
					millis(histogram.getMaxValue()));
			System.out.printf(Locale.ROOT, "scheduler thread CPU: %.1f%% of one core (%.2f µs per tick)%n",
					100.0 * schedulerCpu / elapsed, schedulerCpu / 1e3 / handled);
			System.out.printf(Locale.ROOT, "process CPU: %.1f%% of one core (%.2f µs per tick, all included)%n",
					100.0 * processCpu / elapsed, processCpu / 1e3 / handled);
		}
	}

	private static long schedulerCpuNanos(ThreadMXBean threads) {
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null && info.getThreadName().equals("jitter-scheduler")) {
				return threads.getThreadCpuTime(info.getThreadId());
			}
		}
		throw new IllegalStateException("No thread named jitter-scheduler");
	}

	private static double millis(long nanos) {
		return nanos / 1e6;
	}

	record Start(CountDownLatch started) {
	}

	record Tick() {
	}

	/** An actor with one periodic timer that records how late each tick is. */
	static final class Ticker {

		private static final Tick TICK = new Tick();

		private final Duration interval;

		private final Recorder lateness;

		private final LongAdder ticks;

		private long firstDue;

		Ticker(Duration interval, Recorder lateness, LongAdder ticks) {
			this.interval = interval;
			this.lateness = lateness;
			this.ticks = ticks;
		}

		@Handles
		void onStart(Start start, ActorContext context) {
			this.firstDue = System.nanoTime() + this.interval.toNanos();
			context.timers().startPeriodic("tick", TICK, this.interval);
			start.started().countDown();
		}

		@Handles
		void onTick(Tick tick) {
			long sinceFirst = System.nanoTime() - this.firstDue;
			// ticks are never early, and a skipped tick is counted from the next due one
			this.lateness.recordValue(Math.max(0, sinceFirst % this.interval.toNanos()));
			this.ticks.increment();
		}

	}

}
