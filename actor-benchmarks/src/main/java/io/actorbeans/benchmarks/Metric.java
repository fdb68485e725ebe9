package io.actorbeans.benchmarks;

import java.util.Locale;

/**
 * A row of the comparison: one figure of one workload, with the goal of the issue for the
 * ratio actorbeans ÷ Pekko.
 *
 * @since 0.1.0
 */
enum Metric {

	PING_PONG_1("ping-pong-1", "ping-pong, 1 pair", Workload.PING_PONG_1, "msg/s", true, 3.0),

	PING_PONG_4("ping-pong-4", "ping-pong, 4 pairs", Workload.PING_PONG_4, "msg/s", true, 2.0),

	FAN_IN("fan-in", "fan-in, 4 producers", Workload.FAN_IN, "msg/s", true, 2.5),

	SPAWN_TIME("spawn-time", "spawn idle actors: time", Workload.SPAWN, "s", false, 0.2),

	SPAWN_HEAP("spawn-heap", "spawn idle actors: heap/actor", Workload.SPAWN, "B", false, 0.3),

	REQUEST_REPLY_RATE("request-reply-rate", "request-reply: calls/s", Workload.REQUEST_REPLY, "calls/s", true, 3.0),

	REQUEST_REPLY_P50("request-reply-p50", "request-reply: p50", Workload.REQUEST_REPLY, "µs", false, 0.35),

	REQUEST_REPLY_P99("request-reply-p99", "request-reply: p99", Workload.REQUEST_REPLY, "µs", false, null),

	TREE("tree", "tree (skynet): time", Workload.TREE, "s", false, 0.25);

	private final String id;

	private final String label;

	private final Workload workload;

	private final String unit;

	private final boolean higherIsBetter;

	private final Double goal;

	Metric(String id, String label, Workload workload, String unit, boolean higherIsBetter, Double goal) {
		this.id = id;
		this.label = label;
		this.workload = workload;
		this.unit = unit;
		this.higherIsBetter = higherIsBetter;
		this.goal = goal;
	}

	String id() {
		return this.id;
	}

	String label() {
		return this.label;
	}

	Workload workload() {
		return this.workload;
	}

	String unit() {
		return this.unit;
	}

	boolean higherIsBetter() {
		return this.higherIsBetter;
	}

	/** The goal for actorbeans ÷ Pekko, or {@code null} for none. */
	Double goal() {
		return this.goal;
	}

	/** The goal as written in the table, such as {@code ≥1.50}. */
	String goalText() {
		return (this.goal == null) ? "-"
				: (this.higherIsBetter ? "≥" : "≤") + String.format(Locale.ROOT, "%.2f", this.goal);
	}

	/** Whether a ratio meets the goal; {@code true} without a goal. */
	boolean met(double ratio) {
		if (this.goal == null) {
			return true;
		}
		return this.higherIsBetter ? ratio >= this.goal : ratio <= this.goal;
	}

	/**
	 * How many times better actorbeans is than Pekko for a ratio: the ratio for a rate,
	 * its inverse for a time, size or latency. Above 1 actorbeans is better.
	 */
	double advantage(double ratio) {
		return this.higherIsBetter ? ratio : 1 / ratio;
	}

	/** A value with its unit, short: {@code 4.81 M msg/s}, {@code 31.5 µs}. */
	String format(double value) {
		if (Double.isNaN(value)) {
			return "n/a";
		}
		return switch (this.unit) {
			case "msg/s", "calls/s" -> scaled(value) + " " + this.unit;
			case "s" -> String.format(Locale.ROOT, "%.3f s", value);
			case "B" -> String.format(Locale.ROOT, "%.0f B", value);
			default -> String.format(Locale.ROOT, "%.1f %s", value, this.unit);
		};
	}

	private static String scaled(double value) {
		if (value >= 1e6) {
			return String.format(Locale.ROOT, "%.2fM", value / 1e6);
		}
		if (value >= 1e3) {
			return String.format(Locale.ROOT, "%.1fk", value / 1e3);
		}
		return String.format(Locale.ROOT, "%.0f", value);
	}

}
