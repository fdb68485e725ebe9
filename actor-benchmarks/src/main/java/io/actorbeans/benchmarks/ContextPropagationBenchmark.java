package io.actorbeans.benchmarks;

import java.util.concurrent.TimeUnit;

import io.actorbeans.ActorSystemSettings;
import io.actorbeans.boot.observation.ContextSnapshotPropagator;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
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
 * The cost of context propagation: actorbeans' ping-pong (1 pair), fan-in (4 producers)
 * and request-reply (8 callers) with no propagator ({@code off}) and with the starter's
 * {@link ContextSnapshotPropagator} ({@code on}), which carries a Micrometer
 * {@code ContextSnapshot} of every registered {@code ThreadLocalAccessor} with each
 * message: here Micrometer's observation accessor, with an observation current on the
 * benchmark thread (what a trace is to a request), so that the ping-pong's ball carries
 * it from handler to handler. The score is messages (or calls) per second. Run with
 * {@code java -cp actor-benchmarks/target/actor-benchmarks.jar org.openjdk.jmh.Main ContextPropagation}.
 *
 * @since 0.1.0
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g", "-XX:+UseG1GC" })
public class ContextPropagationBenchmark {

	private static final int PING_PONG_MESSAGES = 1_000_000;

	private static final int PRODUCERS = 4;

	private static final int MESSAGES_PER_PRODUCER = 250_000;

	private static final int CALLERS = 8;

	private static final int CALLS_PER_CALLER = 5_000;

	@Param({ "off", "on" })
	public String propagation;

	private ActorbeansContender contender;

	private Observation observation;

	private Observation.Scope scope;

	@Setup(Level.Trial)
	public void start() {
		ActorSystemSettings settings = ActorSystemSettings.defaults().withName("bench");
		this.contender = new ActorbeansContender("on".equals(this.propagation)
				? settings.withContextPropagator(new ContextSnapshotPropagator()) : settings);
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
		this.observation = Observation.start("benchmark", registry);
		this.scope = this.observation.openScope();
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.scope.close();
		this.observation.stop();
		this.contender.close();
	}

	@Benchmark
	@OperationsPerInvocation(PING_PONG_MESSAGES)
	public long pingPong() {
		return this.contender.pingPong(1, PING_PONG_MESSAGES);
	}

	@Benchmark
	@OperationsPerInvocation(PRODUCERS * MESSAGES_PER_PRODUCER)
	public long fanIn() {
		return this.contender.fanIn(PRODUCERS, MESSAGES_PER_PRODUCER);
	}

	@Benchmark
	@OperationsPerInvocation(CALLERS * CALLS_PER_CALLER)
	public RequestReplyResult requestReply() {
		return this.contender.requestReply(CALLERS, CALLERS * CALLS_PER_CALLER);
	}

}
