package io.actorbeans.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The side-by-side comparison: runs every workload on actorbeans, Pekko and the raw
 * baseline, taking turns within each round, for several rounds, each run on a freshly
 * started system; prints a table of the medians and writes {@code results.json},
 * {@code table.txt} and {@code ratios.png} (the ratios as a bar chart) into the output
 * directory.
 * <p>
 * Spawn runs in a fresh JVM per system and round (the same flags as this one), so that
 * the heap accounting of one system is not disturbed by what another left behind.
 * <p>
 * From the repository root: <pre>{@code
 * ./mvnw -B -q -pl actor-benchmarks -am package -DskipTests && java -Xms4g -Xmx4g -XX:+UseG1GC -jar actor-benchmarks/target/actor-benchmarks.jar
 * }</pre> Options: {@code --rounds N} (3), {@code --warmup N} warm-up rounds at a quarter
 * of the counts, not reported (1), {@code --out DIR} ({@code actor-benchmarks/results}),
 * {@code --counts full|tiny} (full), {@code --fork-spawn true|false} (true),
 * {@code --workloads ping-pong-1,fan-in,...} (all),
 * {@code --systems actorbeans,pekko,raw} (all).
 *
 * @since 0.1.0
 */
public final class Comparison {

	private static final String SPAWN_CHILD = "--spawn-child";

	private static final String SPAWN_RESULT = "spawn-result";

	private final Options options;

	private final Map<Metric, Map<SystemKind, List<Double>>> results = new EnumMap<>(Metric.class);

	private Comparison(Options options) {
		this.options = options;
		for (Metric metric : Metric.values()) {
			this.results.put(metric, new EnumMap<>(SystemKind.class));
		}
	}

	/**
	 * Run the comparison.
	 * @param args the options
	 */
	public static void main(String[] args) {
		System.setProperty("java.awt.headless", "true");
		if (args.length == 3 && args[0].equals(SPAWN_CHILD)) {
			spawnChild(SystemKind.valueOf(args[1].toUpperCase(Locale.ROOT)), Integer.parseInt(args[2]));
			return;
		}
		run(Options.parse(args));
	}

	/**
	 * Run the comparison with parsed options, print the table and write the files.
	 * @param options the options
	 * @return the report that was printed and written
	 */
	static Report run(Options options) {
		Comparison comparison = new Comparison(options);
		return comparison.runAll();
	}

	private Report runAll() {
		Environment environment = Environment.capture();
		System.out.println(environment.describe());
		for (SystemKind system : SystemKind.values()) {
			System.out.println(String.format("%-11s %s", system.label() + ":", system.settings()));
		}
		System.out.println("counts: " + this.options.counts);
		Counts warmUp = this.options.counts.dividedBy(4);
		for (int round = 1; round <= this.options.warmupRounds; round++) {
			System.out.println("warm-up round " + round + " (a quarter of the counts, not reported)");
			runRound(round, warmUp, false);
		}
		for (int round = 1; round <= this.options.rounds; round++) {
			System.out.println("round " + round + " of " + this.options.rounds);
			runRound(round, this.options.counts, true);
		}
		Report report = new Report(environment.finish(), this.options, this.results);
		System.out.println();
		System.out.println(report.table());
		report.write(this.options.out);
		return report;
	}

	private void runRound(int round, Counts counts, boolean record) {
		List<Workload> workloads = new ArrayList<>(this.options.workloads);
		for (int w = 0; w < workloads.size(); w++) {
			Workload workload = workloads.get(w);
			if (!record && workload == Workload.SPAWN && this.options.forkSpawn) {
				continue;
			}
			for (SystemKind system : order(round + w)) {
				if (!workload.runsOn(system) || !this.options.systems.contains(system)) {
					continue;
				}
				Map<Metric, Double> values = runOnce(workload, system, counts);
				StringBuilder line = new StringBuilder(String.format("  %-14s %-11s", workload.id(), system.label()));
				for (Map.Entry<Metric, Double> value : values.entrySet()) {
					line.append("  ").append(value.getKey().format(value.getValue()));
					if (record) {
						this.results.get(value.getKey())
							.computeIfAbsent(system, (key) -> new ArrayList<>())
							.add(value.getValue());
					}
				}
				System.out.println(line);
			}
		}
	}

	/**
	 * The systems in the order of one turn: actorbeans and Pekko take turns going first,
	 * the raw baseline between or after them.
	 */
	private static List<SystemKind> order(int turn) {
		return switch (turn % 3) {
			case 0 -> List.of(SystemKind.ACTORBEANS, SystemKind.PEKKO, SystemKind.RAW);
			case 1 -> List.of(SystemKind.PEKKO, SystemKind.RAW, SystemKind.ACTORBEANS);
			default -> List.of(SystemKind.RAW, SystemKind.ACTORBEANS, SystemKind.PEKKO);
		};
	}

	private Map<Metric, Double> runOnce(Workload workload, SystemKind system, Counts counts) {
		if (workload == Workload.SPAWN && this.options.forkSpawn) {
			return spawnInFreshJvm(system, counts.spawnActors());
		}
		Map<Metric, Double> values = new LinkedHashMap<>();
		try (Contender contender = system.open()) {
			switch (workload) {
				case PING_PONG_1 -> values.put(Metric.PING_PONG_1,
						rate(counts.pingPongMessages(), contender.pingPong(1, counts.pingPongMessages())));
				case PING_PONG_4 -> values.put(Metric.PING_PONG_4,
						rate(4L * counts.pingPongMessages(), contender.pingPong(4, counts.pingPongMessages())));
				case FAN_IN -> values.put(Metric.FAN_IN, rate((long) counts.fanInProducers() * counts.fanInMessages(),
						contender.fanIn(counts.fanInProducers(), counts.fanInMessages())));
				case SPAWN -> values.putAll(spawnValues(contender.spawn(counts.spawnActors())));
				case REQUEST_REPLY -> {
					RequestReplyResult result = contender.requestReply(counts.requestReplyThreads(),
							counts.requestReplyCalls());
					values.put(Metric.REQUEST_REPLY_RATE, result.callsPerSecond());
					values.put(Metric.REQUEST_REPLY_P50, result.p50Micros());
					values.put(Metric.REQUEST_REPLY_P99, result.p99Micros());
				}
				case TREE -> values.put(Metric.TREE, contender.tree(counts.treeLeaves()) / 1e9);
			}
		}
		settle(this.options.settleMillis);
		return values;
	}

	private static Map<Metric, Double> spawnValues(SpawnResult result) {
		Map<Metric, Double> values = new LinkedHashMap<>();
		values.put(Metric.SPAWN_TIME, result.nanos() / 1e9);
		values.put(Metric.SPAWN_HEAP, result.bytesPerActor());
		return values;
	}

	private static double rate(long messages, long nanos) {
		return messages * 1e9 / nanos;
	}

	/** Let the previous system's garbage and threads go before the next run. */
	private static void settle(long millis) {
		System.gc();
		Threads.sleep(millis);
	}

	private static Map<Metric, Double> spawnInFreshJvm(SystemKind system, int actors) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
			if (!argument.startsWith("-agentlib:jdwp") && !argument.startsWith("-XX:StartFlightRecording")) {
				command.add(argument);
			}
		}
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), Comparison.class.getName(), SPAWN_CHILD,
				system.id(), Integer.toString(actors)));
		try {
			Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
			SpawnResult result = null;
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					if (line.startsWith(SPAWN_RESULT + " ")) {
						String[] parts = line.split(" ");
						result = new SpawnResult(Long.parseLong(parts[1]), Double.parseDouble(parts[2]));
					}
					else {
						System.out.println("    [" + system.id() + " spawn JVM] " + line);
					}
				}
			}
			int exit = process.waitFor();
			if (result == null) {
				throw new WrongAnswerException("Spawn in a fresh JVM for " + system.label() + " failed (exit " + exit
						+ "): " + String.join(" ", command));
			}
			return spawnValues(result);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The child JVM of a spawn run: spawn, print the figures, and exit at once. */
	private static void spawnChild(SystemKind system, int actors) {
		Contender contender = system.open();
		SpawnResult result = contender.spawn(actors);
		System.out.println(SPAWN_RESULT + " " + result.nanos() + " " + result.bytesPerActor());
		System.out.flush();
		// Halt: shutting down a million actors is not part of the figures.
		Runtime.getRuntime().halt(0);
	}

	/**
	 * The options of a comparison.
	 *
	 * @param rounds the rounds that are reported
	 * @param warmupRounds the warm-up rounds before them
	 * @param out the directory of results.json and ratios.png
	 * @param counts the sizes of the workloads
	 * @param forkSpawn whether spawn runs in a fresh JVM
	 * @param workloads the workloads to run, in order
	 * @param systems the systems to run them on
	 * @param settleMillis the pause after the full GC between two runs
	 */
	record Options(int rounds, int warmupRounds, Path out, Counts counts, boolean forkSpawn, Set<Workload> workloads,
			Set<SystemKind> systems, long settleMillis) {

		static Options parse(String... args) {
			int rounds = 3;
			int warmup = 1;
			Path out = Path.of("actor-benchmarks", "results");
			Counts counts = Counts.full();
			boolean forkSpawn = true;
			Set<Workload> workloads = EnumSet.allOf(Workload.class);
			Set<SystemKind> systems = EnumSet.allOf(SystemKind.class);
			long settleMillis = 300;
			for (int i = 0; i < args.length; i++) {
				String option = args[i];
				if (i + 1 >= args.length) {
					throw usage("missing value of " + option);
				}
				String value = args[++i];
				switch (option) {
					case "--rounds" -> rounds = Integer.parseInt(value);
					case "--warmup" -> warmup = Integer.parseInt(value);
					case "--out" -> out = Path.of(value);
					case "--counts" -> counts = switch (value) {
						case "full" -> Counts.full();
						case "tiny" -> Counts.tiny();
						default -> throw usage("unknown counts '" + value + "'");
					};
					case "--fork-spawn" -> forkSpawn = Boolean.parseBoolean(value);
					case "--workloads" -> {
						workloads = EnumSet.noneOf(Workload.class);
						for (String name : value.split(",")) {
							workloads.add(Workload.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
						}
					}
					case "--settle-ms" -> settleMillis = Long.parseLong(value);
					case "--systems" -> {
						systems = EnumSet.noneOf(SystemKind.class);
						for (String name : value.split(",")) {
							systems.add(SystemKind.valueOf(name.trim().toUpperCase(Locale.ROOT)));
						}
					}
					default -> throw usage("unknown option " + option);
				}
			}
			if (rounds < 1) {
				throw usage("--rounds must be 1 or more");
			}
			return new Options(rounds, warmup, out, counts, forkSpawn, workloads, systems, settleMillis);
		}

		private static IllegalArgumentException usage(String problem) {
			return new IllegalArgumentException(problem + "; options: --rounds N, --warmup N, --out DIR, "
					+ "--counts full|tiny, --fork-spawn true|false, --workloads "
					+ Arrays.stream(Workload.values()).map(Workload::id).toList());
		}

	}

	/**
	 * Where the comparison ran.
	 *
	 * @param started when it started
	 * @param finished when it finished, or {@code null} while it runs
	 * @param jvm the JVM's name and version
	 * @param flags the JVM's flags
	 * @param cores the available processors
	 * @param loadBefore the load average at the start
	 * @param loadAfter the load average at the end
	 * @param command the command line, where the OS tells it
	 */
	record Environment(Instant started, Instant finished, String jvm, List<String> flags, int cores, double loadBefore,
			double loadAfter, String command) {

		static Environment capture() {
			String command = ProcessHandle.current().info().commandLine().orElse("");
			return new Environment(Instant.now(), Instant.now(),
					System.getProperty("java.vm.name") + " " + Runtime.version(),
					ManagementFactory.getRuntimeMXBean().getInputArguments(),
					Runtime.getRuntime().availableProcessors(), load(), Double.NaN, command);
		}

		Environment finish() {
			return new Environment(this.started, Instant.now(), this.jvm, this.flags, this.cores, this.loadBefore,
					load(), this.command);
		}

		String describe() {
			return "JVM " + this.jvm + ", " + this.cores + " cores, flags " + String.join(" ", this.flags)
					+ ", load average " + String.format(Locale.ROOT, "%.2f", this.loadBefore);
		}

		private static double load() {
			try {
				return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
			}
			catch (IOException | RuntimeException ex) {
				return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
			}
		}

	}

}
