package io.actorbeans.benchmarks.cluster;

import org.HdrHistogram.Histogram;

/**
 * The figures of one contender's run: all callers together.
 *
 * @param calls the number of calls
 * @param nanos the elapsed time, from the release of the callers until the last one ended
 * @param latency the latency of each call, in nanoseconds
 * @since 0.1.0
 */
record Figures(long calls, long nanos, Histogram latency) {

	double callsPerSecond() {
		return this.calls * 1e9 / this.nanos;
	}

	double p50Micros() {
		return this.latency.getValueAtPercentile(50) / 1000.0;
	}

	double p99Micros() {
		return this.latency.getValueAtPercentile(99) / 1000.0;
	}

}
