package io.actorbeans.benchmarks.cluster;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

import io.actorbeans.benchmarks.RequestReplyResult;
import io.actorbeans.benchmarks.cluster.ClusterNodes.Target;
import org.HdrHistogram.Histogram;

/**
 * Cross-node request-reply: callers on node 1 of a three-node cluster (three Spring Boot
 * contexts with actor-cluster, in this JVM, on loopback) call entities that live on nodes
 * 2 and 3, each caller one entity of its own, synchronously, in a loop for a fixed time;
 * once through actorbeans ({@code Bridge.call} on {@code Entities.ref}), once through
 * Pekko's own sharded {@code EntityRef.ask}, on the same Pekko actor systems. The two
 * take turns within each round, for several rounds; every reply is checked. Prints a
 * markdown table of the medians (calls/s, p50, p99) and the ratios actorbeans ÷ Pekko.
 * Run from {@code main}, one run at a time: each run starts and stops its own three
 * nodes.
 * <p>
 * From the repository root: <pre>{@code
 * ./mvnw -B -q -pl actor-benchmarks -am package -DskipTests && java -Xms2g -Xmx2g -XX:+UseG1GC -cp actor-benchmarks/target/actor-benchmarks.jar io.actorbeans.benchmarks.cluster.ClusterRequestReply
 * }</pre> Options: {@code --rounds N} (3), {@code --callers 1,8} (both),
 * {@code --seconds S} per run (10), {@code --warmup-seconds S} per contender before the
 * rounds, with the most callers (10).
 *
 * @since 0.1.0
 */
public final class ClusterRequestReply {

	/** The goal of the issue: actorbeans' calls/s at least this share of Pekko's. */
	static final double RATE_GOAL = 0.8;

	/** The goal of the issue: actorbeans' p50 at most this multiple of Pekko's. */
	static final double P50_GOAL = 1.2;

	private ClusterRequestReply() {
	}

	/**
	 * Run the benchmark and print the table.
	 * @param args the options
	 */
	public static void main(String[] args) {
		run(Options.parse(args));
	}

	/**
	 * Run the benchmark with parsed options and print the table.
	 * @param options the options
	 * @return the report that was printed
	 */
	static Report run(Options options) {
		System.out.println(environment());
		int mostCallers = options.callers().stream().mapToInt(Integer::intValue).max().orElseThrow();
		List<Row> rows = new ArrayList<>();
		for (int callers : options.callers()) {
			rows.add(new Row(callers, new ArrayList<>(), new ArrayList<>()));
		}
		long started = System.nanoTime();
		ClusterNodes nodes = ClusterNodes.start();
		try {
			System.out.printf(Locale.ROOT, "3 nodes up in %.1f s%n", (System.nanoTime() - started) / 1e9);
			List<Contender> contenders = List.of(nodes.actorbeans(), nodes.pekko());
			List<List<Target>> targets = new ArrayList<>();
			for (Contender contender : contenders) {
				targets.add(nodes.targetsElsewhere(contender, mostCallers));
				System.out.println(contender.label() + ": " + targets.get(targets.size() - 1));
			}
			if (!options.warmup().isZero()) {
				for (int c = 0; c < contenders.size(); c++) {
					RequestReplyResult figures = measure(contenders.get(c), targets.get(c), mostCallers,
							options.warmup());
					System.out.println("warm-up   " + line(mostCallers, contenders.get(c), figures));
				}
			}
			for (int round = 1; round <= options.rounds(); round++) {
				for (int r = 0; r < rows.size(); r++) {
					Row row = rows.get(r);
					// actorbeans and Pekko take turns going first
					int first = (round + r) % 2;
					for (int c : new int[] { first, 1 - first }) {
						RequestReplyResult figures = measure(contenders.get(c), targets.get(c), row.callers(),
								options.duration());
						((c == 0) ? row.actorbeans() : row.pekko()).add(figures);
						System.out.println("round " + round + "   " + line(row.callers(), contenders.get(c), figures));
					}
				}
			}
		}
		finally {
			long closing = System.nanoTime();
			nodes.close();
			System.out.printf(Locale.ROOT, "3 nodes left in %.1f s%n", (System.nanoTime() - closing) / 1e9);
		}
		Report report = new Report(options, rows);
		System.out.println();
		System.out.println(report.table());
		return report;
	}

	private static String line(int callers, Contender contender, RequestReplyResult figures) {
		return String.format(Locale.ROOT, "%2d callers  %-36s %10s calls/s  p50 %s  p99 %s", callers, contender.label(),
				rate(figures.callsPerSecond()), micros(figures.p50Micros()), micros(figures.p99Micros()));
	}

	/**
	 * Let each caller call its entity in a loop for a time, checking every reply.
	 * @param contender how to call
	 * @param targets the entities, one per caller
	 * @param callers the number of caller threads
	 * @param duration how long the callers call
	 * @return the figures of all callers
	 * @throws IllegalStateException if a reply is wrong or came from another node than
	 * the entity's, or a call failed
	 */
	static RequestReplyResult measure(Contender contender, List<Target> targets, int callers, Duration duration) {
		Histogram[] latencies = new Histogram[callers];
		long[] calls = new long[callers];
		long[] deadline = new long[1];
		CountDownLatch ready = new CountDownLatch(callers);
		CountDownLatch go = new CountDownLatch(1);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < callers; i++) {
			int index = i;
			Target target = targets.get(i);
			Thread thread = new Thread(() -> {
				ready.countDown();
				try {
					go.await();
					Histogram latency = new Histogram(3);
					long seq = 0;
					long start;
					while ((start = System.nanoTime()) - deadline[0] < 0) {
						seq++;
						Echoed reply = contender.call().call(target.id(), seq);
						latency.recordValue(System.nanoTime() - start);
						if (reply.seq() != seq || reply.port() != target.port()) {
							throw new IllegalStateException(contender.label() + ": entity " + target.id() + " on port "
									+ target.port() + " answered " + reply + " to request " + seq);
						}
					}
					latencies[index] = latency;
					calls[index] = seq;
				}
				catch (Throwable ex) {
					failure.compareAndSet(null, ex);
				}
			}, "caller-" + i);
			thread.setDaemon(true);
			threads.add(thread);
			thread.start();
		}
		await(ready);
		long start = System.nanoTime();
		deadline[0] = start + duration.toNanos();
		go.countDown();
		for (Thread thread : threads) {
			join(thread, duration.plus(ClusterNodes.CALL_TIMEOUT).plusSeconds(10));
		}
		long elapsed = System.nanoTime() - start;
		Throwable thrown = failure.get();
		if (thrown != null) {
			throw new IllegalStateException(contender.label() + ": a caller failed", thrown);
		}
		Histogram all = new Histogram(3);
		long total = 0;
		for (int i = 0; i < callers; i++) {
			all.add(latencies[i]);
			total += calls[i];
		}
		return new RequestReplyResult(elapsed, total, all);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void join(Thread thread, Duration timeout) {
		try {
			thread.join(timeout.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		if (thread.isAlive()) {
			throw new IllegalStateException("Gave up waiting for " + thread.getName() + " after " + timeout);
		}
	}

	private static String environment() {
		String load;
		try {
			load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException | RuntimeException ex) {
			load = String.valueOf(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
		return "JVM " + System.getProperty("java.vm.name") + " " + Runtime.version() + ", "
				+ Runtime.getRuntime().availableProcessors() + " cores, flags "
				+ String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()) + ", load average " + load;
	}

	static String rate(double callsPerSecond) {
		return (callsPerSecond >= 1e3) ? String.format(Locale.ROOT, "%.1fk", callsPerSecond / 1e3)
				: String.format(Locale.ROOT, "%.0f", callsPerSecond);
	}

	static String micros(double micros) {
		return String.format(Locale.ROOT, "%.1f µs", micros);
	}

	static double median(List<RequestReplyResult> runs, ToDoubleFunction<RequestReplyResult> figure) {
		double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
	}

	/**
	 * The options of a run.
	 *
	 * @param rounds the rounds
	 * @param callers the numbers of caller threads, each run in every round
	 * @param duration how long each run calls
	 * @param warmup how long each contender calls before the rounds, not reported
	 */
	record Options(int rounds, List<Integer> callers, Duration duration, Duration warmup) {

		static Options parse(String... args) {
			int rounds = 3;
			List<Integer> callers = List.of(1, 8);
			Duration duration = Duration.ofSeconds(10);
			Duration warmup = Duration.ofSeconds(10);
			for (int i = 0; i < args.length; i += 2) {
				if (i + 1 >= args.length) {
					throw usage("missing value of " + args[i]);
				}
				String value = args[i + 1];
				switch (args[i]) {
					case "--rounds" -> rounds = Integer.parseInt(value);
					case "--callers" ->
						callers = List.of(value.split(",")).stream().map(String::trim).map(Integer::valueOf).toList();
					case "--seconds" -> duration = seconds(value);
					case "--warmup-seconds" -> warmup = seconds(value);
					default -> throw usage("unknown option " + args[i]);
				}
			}
			if (rounds < 1 || callers.isEmpty() || callers.stream().anyMatch((count) -> count < 1)
					|| duration.isZero()) {
				throw usage("rounds, callers and seconds must be positive");
			}
			return new Options(rounds, callers, duration, warmup);
		}

		private static Duration seconds(String value) {
			return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
		}

		private static IllegalArgumentException usage(String problem) {
			return new IllegalArgumentException(problem
					+ "; options: --rounds N (3), --callers 1,8 (1,8), --seconds S (10), --warmup-seconds S (10)");
		}

	}

	/**
	 * The runs of one number of callers, by round.
	 *
	 * @param callers the number of callers
	 * @param actorbeans actorbeans' runs
	 * @param pekko Pekko's runs
	 */
	record Row(int callers, List<RequestReplyResult> actorbeans, List<RequestReplyResult> pekko) {

		double rateRatio() {
			return median(this.actorbeans, RequestReplyResult::callsPerSecond)
					/ median(this.pekko, RequestReplyResult::callsPerSecond);
		}

		double p50Ratio() {
			return median(this.actorbeans, RequestReplyResult::p50Micros)
					/ median(this.pekko, RequestReplyResult::p50Micros);
		}

		double p99Ratio() {
			return median(this.actorbeans, RequestReplyResult::p99Micros)
					/ median(this.pekko, RequestReplyResult::p99Micros);
		}

		boolean goalMet() {
			return rateRatio() >= RATE_GOAL && p50Ratio() <= P50_GOAL;
		}

	}

	/**
	 * The outcome: the medians and ratios as a markdown table, then every round's values.
	 *
	 * @param options the options of the run
	 * @param rows one row per number of callers
	 */
	record Report(Options options, List<Row> rows) {

		String table() {
			StringBuilder table = new StringBuilder();
			table.append(String.format(Locale.ROOT,
					"Cross-node request-reply, 3 nodes in one JVM on loopback: medians of %d rounds of %d s%n%n",
					this.options.rounds(), this.options.duration().toSeconds()));
			table.append("| callers | path | calls/s | p50 | p99 |\n|---|---|---|---|---|\n");
			for (Row row : this.rows) {
				table.append(cells(row.callers(), "actorbeans: `Entities` + `Bridge.call`", row.actorbeans()));
				table.append(cells(row.callers(), "Pekko: sharded `EntityRef.ask`", row.pekko()));
				table.append(String.format(Locale.ROOT, "| %d | ratio actorbeans / Pekko | %.2f | %.2f | %.2f |%n",
						row.callers(), row.rateRatio(), row.p50Ratio(), row.p99Ratio()));
			}
			table.append(String.format(Locale.ROOT,
					"%ngoal: calls/s ratio ≥ %.2f and p50 ratio ≤ %.2f (within 20%% of Pekko):", RATE_GOAL, P50_GOAL));
			for (Row row : this.rows) {
				table.append(String.format(" %d callers %s;", row.callers(), row.goalMet() ? "met" : "NOT met"));
			}
			table.append(String.format("%n%nper round (calls/s, p50, p99):%n"));
			for (Row row : this.rows) {
				appendRounds(table, row.callers(), "actorbeans", row.actorbeans());
				appendRounds(table, row.callers(), "Pekko", row.pekko());
			}
			return table.toString();
		}

		private static String cells(int callers, String path, List<RequestReplyResult> runs) {
			return String.format(Locale.ROOT, "| %d | %s | %s | %s | %s |%n", callers, path,
					rate(median(runs, RequestReplyResult::callsPerSecond)),
					micros(median(runs, RequestReplyResult::p50Micros)),
					micros(median(runs, RequestReplyResult::p99Micros)));
		}

		private static void appendRounds(StringBuilder table, int callers, String path, List<RequestReplyResult> runs) {
			table.append(String.format(Locale.ROOT, "%2d callers  %-10s", callers, path));
			for (RequestReplyResult figures : runs) {
				table.append(String.format(Locale.ROOT, "  [%s, %s, %s]", rate(figures.callsPerSecond()),
						micros(figures.p50Micros()), micros(figures.p99Micros())));
			}
			table.append(String.format("%n"));
		}

	}

}
