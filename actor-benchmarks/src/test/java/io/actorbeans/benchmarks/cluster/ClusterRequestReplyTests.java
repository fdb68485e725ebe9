package io.actorbeans.benchmarks.cluster;

import java.time.Duration;
import java.util.List;

import io.actorbeans.benchmarks.RequestReplyResult;
import io.actorbeans.benchmarks.cluster.ClusterNodes.Target;
import io.actorbeans.benchmarks.cluster.ClusterRequestReply.Options;
import io.actorbeans.benchmarks.cluster.ClusterRequestReply.Report;
import io.actorbeans.benchmarks.cluster.ClusterRequestReply.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Runs the cross-node benchmark briefly on a real three-node cluster, so that it cannot
 * rot: every reply is checked (its number, and that the entity's node answered), and both
 * contenders must have made calls.
 */
@Timeout(180)
class ClusterRequestReplyTests {

	@Test
	void bothContendersAnswerEveryCallAcrossNodes() {
		Report report = ClusterRequestReply
			.run(Options.parse("--rounds", "1", "--callers", "2", "--seconds", "1", "--warmup-seconds", "0"));
		assertThat(report.rows()).hasSize(1);
		Row row = report.rows().get(0);
		for (List<RequestReplyResult> runs : List.of(row.actorbeans(), row.pekko())) {
			assertThat(runs).hasSize(1);
			RequestReplyResult figures = runs.get(0);
			assertThat(figures.calls()).isPositive();
			assertThat(figures.latency().getTotalCount()).isEqualTo(figures.calls());
			assertThat(figures.p99Micros()).isGreaterThanOrEqualTo(figures.p50Micros());
		}
		assertThat(report.table()).contains("| 2 | actorbeans: `Entities` + `Bridge.call` |",
				"| 2 | Pekko: sharded `EntityRef.ask` |", "| 2 | ratio actorbeans / Pekko |");
	}

	@Test
	void aWrongReplyFailsTheRun() {
		Contender wrongNumber = new Contender("wrong number", (id, seq) -> new Echoed(seq + 1, 2552));
		assertThatIllegalStateException()
			.isThrownBy(() -> ClusterRequestReply.measure(wrongNumber, List.of(new Target("e-1", 2552)), 1,
					Duration.ofMillis(100)))
			.havingCause()
			.withMessageContaining("entity e-1 on port 2552 answered Echoed[seq=2, port=2552] to request 1");
		Contender wrongNode = new Contender("wrong node", (id, seq) -> new Echoed(seq, 2551));
		assertThatIllegalStateException()
			.isThrownBy(() -> ClusterRequestReply.measure(wrongNode, List.of(new Target("e-1", 2552)), 1,
					Duration.ofMillis(100)))
			.havingCause()
			.withMessageContaining("answered Echoed[seq=1, port=2551]");
	}

}
