package io.actorbeans.benchmarks;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import io.actorbeans.benchmarks.Messages.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Runs every workload on every system with tiny counts, so that the benchmarks cannot
 * rot: each workload checks its own answer (fan-in complete and in order, the tree's sum,
 * each request's reply) and throws {@link WrongAnswerException} when it is wrong.
 */
class ComparisonSmokeTests {

	private static final Counts COUNTS = Counts.tiny();

	@ParameterizedTest
	@EnumSource(SystemKind.class)
	void everyWorkloadGivesTheRightAnswer(SystemKind system) {
		try (Contender contender = system.open()) {
			assertThat(contender.pingPong(1, COUNTS.pingPongMessages())).isPositive();
			assertThat(contender.pingPong(4, COUNTS.pingPongMessages())).isPositive();
			assertThat(contender.fanIn(COUNTS.fanInProducers(), COUNTS.fanInMessages())).isPositive();
			RequestReplyResult requestReply = contender.requestReply(COUNTS.requestReplyThreads(),
					COUNTS.requestReplyCalls());
			assertThat(requestReply.latency().getTotalCount()).isEqualTo(COUNTS.requestReplyCalls());
			assertThat(requestReply.callsPerSecond()).isPositive();
			assertThat(requestReply.p99Micros()).isGreaterThanOrEqualTo(requestReply.p50Micros());
			if (system == SystemKind.RAW) {
				assertThatExceptionOfType(UnsupportedOperationException.class)
					.isThrownBy(() -> contender.tree(COUNTS.treeLeaves()));
				assertThatExceptionOfType(UnsupportedOperationException.class)
					.isThrownBy(() -> contender.spawn(COUNTS.spawnActors()));
				return;
			}
			assertThat(contender.tree(COUNTS.treeLeaves())).isPositive();
			SpawnResult spawn = contender.spawn(COUNTS.spawnActors());
			assertThat(spawn.nanos()).isPositive();
		}
	}

	@Test
	void workloadsCanRepeatOnOneSystem() {
		try (Contender contender = SystemKind.ACTORBEANS.open()) {
			for (int i = 0; i < 3; i++) {
				contender.pingPong(2, COUNTS.pingPongMessages());
				contender.fanIn(2, COUNTS.fanInMessages());
				contender.tree(100);
			}
		}
	}

	@Test
	void fanInCheckFindsLostAndReorderedMessages() {
		FanInCheck lost = new FanInCheck(2, 2);
		lost.accept(new Item(0, 0));
		lost.accept(new Item(0, 1));
		lost.accept(new Item(1, 0));
		assertThatExceptionOfType(WrongAnswerException.class).isThrownBy(() -> lost.verify(2))
			.withMessageContaining("producer 1 delivered 1 of 2");
		FanInCheck reordered = new FanInCheck(1, 2);
		reordered.accept(new Item(0, 1));
		assertThat(reordered.accept(new Item(0, 0))).isTrue();
		assertThatExceptionOfType(WrongAnswerException.class).isThrownBy(() -> reordered.verify(2))
			.withMessageContaining("out of order");
	}

	@Test
	void comparisonPrintsTableAndWritesJsonAndChart(@TempDir Path out) throws Exception {
		Report report = Comparison.run(Comparison.Options.parse("--counts", "tiny", "--rounds", "1", "--warmup", "0",
				"--fork-spawn", "false", "--settle-ms", "0", "--out", out.toString()));
		assertThat(report.rows()).extracting(Report.Row::metric).containsExactly(Metric.values());
		assertThat(report.table()).contains("ping-pong, 1 pair", "tree (skynet): time", "raw limit");
		String json = Files.readString(out.resolve("results.json"));
		for (Metric metric : Metric.values()) {
			assertThat(json).contains("\"id\": \"" + metric.id() + "\"");
		}
		BufferedImage chart = ImageIO.read(out.resolve("ratios.png").toFile());
		assertThat(chart.getWidth()).isPositive();
	}

	@Test
	void spawnRunsInAFreshJvm(@TempDir Path out) {
		Report report = Comparison.run(Comparison.Options.parse("--counts", "tiny", "--rounds", "1", "--warmup", "0",
				"--workloads", "spawn", "--settle-ms", "0", "--out", out.toString()));
		assertThat(report.rows()).extracting(Report.Row::metric).containsExactly(Metric.SPAWN_TIME, Metric.SPAWN_HEAP);
		assertThat(report.rows().get(0).median(SystemKind.PEKKO)).isPositive();
	}

}
