package io.actorbeans.benchmarks;

import org.HdrHistogram.Histogram;

/**
 * The figures of a request-reply run: all callers together. Immutable.
 *
 * @param nanos the elapsed time of all calls
 * @param calls the number of calls
 * @param latency the latency of each call, in nanoseconds
 * @since 0.1.0
 */
public record RequestReplyResult(long nanos, long calls, Histogram latency) {

	public double callsPerSecond() {
		return this.calls * 1e9 / this.nanos;
	}

	public double p50Micros() {
		return this.latency.getValueAtPercentile(50) / 1000.0;
	}

	public double p99Micros() {
		return this.latency.getValueAtPercentile(99) / 1000.0;
	}

}
