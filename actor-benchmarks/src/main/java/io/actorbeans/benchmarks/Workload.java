package io.actorbeans.benchmarks;

import java.util.Locale;

/**
 * The workloads, each run once per system and round.
 *
 * @since 0.1.0
 */
enum Workload {

	PING_PONG_1, PING_PONG_4, FAN_IN, SPAWN, REQUEST_REPLY, TREE;

	/** The name in the output and on the command line, such as {@code ping-pong-1}. */
	String id() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * Whether a system has a form of this workload: the raw baseline has none of some.
	 */
	boolean runsOn(SystemKind system) {
		return system != SystemKind.RAW || (this != SPAWN && this != TREE);
	}

}
