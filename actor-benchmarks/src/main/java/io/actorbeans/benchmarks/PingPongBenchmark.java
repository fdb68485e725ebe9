package io.actorbeans.benchmarks;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ping-pong under JMH: each invocation bounces 1,000,000 messages, split over the pairs;
 * the score is messages per second. Run with
 * {@code java -cp actor-benchmarks/target/actor-benchmarks.jar org.openjdk.jmh.Main PingPong}
 * (add {@code -prof gc} for the allocation per message).
 *
 * @since 0.1.0
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms4g", "-Xmx4g", "-XX:+UseG1GC" })
public class PingPongBenchmark {

	private static final int MESSAGES = 1_000_000;

	@Param({ "actorbeans", "pekko", "raw" })
	public String system;

	@Param({ "1", "4" })
	public int pairs;

	private Contender contender;

	@Setup(Level.Trial)
	public void start() {
		this.contender = SystemKind.valueOf(this.system.toUpperCase(Locale.ROOT)).open();
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.contender.close();
	}

	@Benchmark
	@OperationsPerInvocation(MESSAGES)
	public long pingPong() {
		return this.contender.pingPong(this.pairs, MESSAGES / this.pairs);
	}

}
