package io.actorbeans.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.actorbeans.benchmarks.Comparison.Environment;
import io.actorbeans.benchmarks.Comparison.Options;

/**
 * The outcome of a comparison: the medians and ratios as a table, as JSON, and as a bar
 * chart.
 *
 * @since 0.1.0
 */
final class Report {

	private final Environment environment;

	private final Options options;

	private final List<Row> rows = new ArrayList<>();

	Report(Environment environment, Options options, Map<Metric, Map<SystemKind, List<Double>>> results) {
		this.environment = environment;
		this.options = options;
		for (Map.Entry<Metric, Map<SystemKind, List<Double>>> entry : results.entrySet()) {
			if (!entry.getValue().isEmpty()) {
				this.rows.add(new Row(entry.getKey(), entry.getValue()));
			}
		}
	}

	List<Row> rows() {
		return this.rows;
	}

	/** The table of medians, then every round's values. */
	String table() {
		StringBuilder table = new StringBuilder();
		table.append(String.format(Locale.ROOT, "actorbeans vs Apache Pekko 1.7.0 (classic): medians of %d rounds%n",
				this.options.rounds()));
		String format = "%-31s | %-15s | %-15s | %-6s | %-6s | %-4s | %-15s%n";
		table.append(String.format(format, "workload", "actorbeans", "Pekko", "ratio", "goal", "met", "raw limit"));
		table.append("-".repeat(31)).append("-+-").append("-".repeat(15)).append("-+-").append("-".repeat(15));
		table.append("-+-").append("-".repeat(6)).append("-+-").append("-".repeat(6)).append("-+-");
		table.append("-".repeat(4)).append("-+-").append("-".repeat(15)).append(String.format("%n"));
		for (Row row : this.rows) {
			Metric metric = row.metric();
			double ratio = row.ratio();
			table.append(String.format(format, metric.label(), metric.format(row.median(SystemKind.ACTORBEANS)),
					metric.format(row.median(SystemKind.PEKKO)),
					Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2f", ratio), metric.goalText(),
					(metric.goal() == null || Double.isNaN(ratio)) ? "" : (row.met() ? "yes" : "NO"),
					row.values(SystemKind.RAW).isEmpty() ? "n/a" : metric.format(row.median(SystemKind.RAW))));
		}
		table.append(String.format("ratio = actorbeans / Pekko; goal from the issue (≥: higher is better, "
				+ "≤: lower is better)%n%nper round:%n"));
		for (Row row : this.rows) {
			for (SystemKind system : SystemKind.values()) {
				List<Double> values = row.values(system);
				if (!values.isEmpty()) {
					table.append(String.format("%-31s   %-11s", row.metric().label(), system.label()));
					for (double value : values) {
						table.append("  ").append(row.metric().format(value));
					}
					table.append(String.format("%n"));
				}
			}
		}
		return table.toString();
	}

	/** The results as JSON. */
	String json() {
		StringBuilder json = new StringBuilder("{\n");
		json.append("  \"generated\": ").append(quote(this.environment.finished().toString())).append(",\n");
		json.append("  \"started\": ").append(quote(this.environment.started().toString())).append(",\n");
		json.append("  \"command\": ").append(quote(this.environment.command())).append(",\n");
		json.append("  \"jvm\": ").append(quote(this.environment.jvm())).append(",\n");
		json.append("  \"jvmFlags\": [");
		List<String> flags = this.environment.flags();
		for (int i = 0; i < flags.size(); i++) {
			json.append((i > 0) ? ", " : "").append(quote(flags.get(i)));
		}
		json.append("],\n");
		json.append("  \"cores\": ").append(this.environment.cores()).append(",\n");
		json.append("  \"loadAverage\": { \"start\": ").append(number(this.environment.loadBefore()));
		json.append(", \"end\": ").append(number(this.environment.loadAfter())).append(" },\n");
		json.append("  \"rounds\": ").append(this.options.rounds()).append(",\n");
		json.append("  \"warmupRounds\": ").append(this.options.warmupRounds()).append(",\n");
		json.append("  \"spawnInFreshJvm\": ").append(this.options.forkSpawn()).append(",\n");
		Counts counts = this.options.counts();
		json.append("  \"counts\": { \"pingPongMessagesPerPair\": ").append(counts.pingPongMessages());
		json.append(", \"fanInProducers\": ").append(counts.fanInProducers());
		json.append(", \"fanInMessagesPerProducer\": ").append(counts.fanInMessages());
		json.append(", \"spawnActors\": ").append(counts.spawnActors());
		json.append(", \"requestReplyThreads\": ").append(counts.requestReplyThreads());
		json.append(", \"requestReplyCalls\": ").append(counts.requestReplyCalls());
		json.append(", \"treeLeaves\": ").append(counts.treeLeaves()).append(" },\n");
		json.append("  \"settings\": {");
		SystemKind[] systems = SystemKind.values();
		for (int i = 0; i < systems.length; i++) {
			json.append((i > 0) ? "," : "").append("\n    ").append(quote(systems[i].id())).append(": ");
			json.append(quote(systems[i].settings()));
		}
		json.append("\n  },\n  \"results\": [");
		for (int r = 0; r < this.rows.size(); r++) {
			Row row = this.rows.get(r);
			Metric metric = row.metric();
			json.append((r > 0) ? "," : "").append("\n    {\n");
			json.append("      \"id\": ").append(quote(metric.id())).append(",\n");
			json.append("      \"workload\": ").append(quote(metric.label())).append(",\n");
			json.append("      \"unit\": ").append(quote(metric.unit())).append(",\n");
			json.append("      \"higherIsBetter\": ").append(metric.higherIsBetter()).append(",\n");
			for (SystemKind system : systems) {
				List<Double> values = row.values(system);
				json.append("      ").append(quote(system.id())).append(": ");
				if (values.isEmpty()) {
					json.append("null,\n");
					continue;
				}
				json.append("{ \"median\": ").append(number(row.median(system))).append(", \"rounds\": [");
				for (int i = 0; i < values.size(); i++) {
					json.append((i > 0) ? ", " : "").append(number(values.get(i)));
				}
				json.append("] },\n");
			}
			json.append("      \"ratio\": ").append(number(row.ratio())).append(",\n");
			json.append("      \"goal\": ")
				.append((metric.goal() != null) ? quote(metric.goalText().replace("≥", ">=").replace("≤", "<="))
						: "null")
				.append(",\n");
			json.append("      \"goalMet\": ").append((metric.goal() != null) ? String.valueOf(row.met()) : "null");
			json.append("\n    }");
		}
		json.append("\n  ]\n}\n");
		return json.toString();
	}

	/**
	 * Write {@code results.json}, {@code table.txt} and {@code ratios.png} into a
	 * directory, creating it.
	 * @param directory the directory
	 */
	void write(Path directory) {
		try {
			Files.createDirectories(directory);
			Files.writeString(directory.resolve("results.json"), json());
			System.out.println("wrote " + directory.resolve("results.json"));
			Files.writeString(directory.resolve("table.txt"), table());
			System.out.println("wrote " + directory.resolve("table.txt"));
			RatioChart.write(this, directory.resolve("ratios.png"));
			System.out.println("wrote " + directory.resolve("ratios.png"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Environment environment() {
		return this.environment;
	}

	Options options() {
		return this.options;
	}

	private static String number(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return "null";
		}
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
	}

	private static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

	/**
	 * One row: a metric's values for each system, by round.
	 *
	 * @param metric the metric
	 * @param values the values of each system that ran it
	 */
	record Row(Metric metric, Map<SystemKind, List<Double>> values) {

		List<Double> values(SystemKind system) {
			return this.values.getOrDefault(system, List.of());
		}

		double median(SystemKind system) {
			List<Double> sorted = new ArrayList<>(values(system));
			if (sorted.isEmpty()) {
				return Double.NaN;
			}
			sorted.sort(null);
			int middle = sorted.size() / 2;
			return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
		}

		/** actorbeans ÷ Pekko, of the medians. */
		double ratio() {
			return median(SystemKind.ACTORBEANS) / median(SystemKind.PEKKO);
		}

		boolean met() {
			return this.metric.met(ratio());
		}

	}

}
