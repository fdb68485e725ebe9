package io.actorbeans.sample.warehouse;

import java.time.Duration;
import java.util.List;

import io.actorbeans.ActorRef;
import io.actorbeans.boot.test.ActorTest;
import io.actorbeans.boot.test.TestProbeBean;
import io.actorbeans.sample.warehouse.Worker.Tasks;
import io.actorbeans.test.TestProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker actor bean alone, with probes in place of the two warehouses: each value is
 * doubled into the warehouse of its sign, in order. On the calling-thread dispatcher the
 * probes have their messages once {@code send} returns: nothing to wait for.
 */
@ActorTest(properties = "actorbeans.dispatcher.type=calling-thread")
@Timeout(30)
class WorkerTests {

	private static final Duration NOW = Duration.ZERO;

	@Autowired
	@Qualifier(Worker.NAME)
	ActorRef worker;

	@TestProbeBean(WarehouseConfiguration.POSITIVES)
	TestProbe positives;

	@TestProbeBean(WarehouseConfiguration.NEGATIVES)
	TestProbe negatives;

	@Test
	void valuesAreDoubledIntoTheWarehouseOfTheirSignInOrder() {
		this.worker.send(new Tasks(List.of(1, 2, 3, -2, -4, -6)));
		assertThat(this.positives.expectMessage(Integer.class, NOW)).isEqualTo(2);
		assertThat(this.positives.lastSender()).isEqualTo(this.worker);
		assertThat(this.positives.expectMessage(Integer.class, NOW)).isEqualTo(4);
		assertThat(this.positives.expectMessage(Integer.class, NOW)).isEqualTo(6);
		assertThat(this.negatives.expectMessage(Integer.class, NOW)).isEqualTo(-4);
		assertThat(this.negatives.expectMessage(Integer.class, NOW)).isEqualTo(-8);
		assertThat(this.negatives.expectMessage(Integer.class, NOW)).isEqualTo(-12);
		this.positives.expectNoMessage(NOW);
		this.negatives.expectNoMessage(NOW);
	}

	@Test
	void zeroGoesToThePositives() {
		this.worker.send(new Tasks(List.of(0)));
		assertThat(this.positives.expectMessage(Integer.class, NOW)).isZero();
		this.negatives.expectNoMessage(NOW);
	}

	@Test
	void theLargestValuesAreDoubledExactly() {
		this.worker.send(new Tasks(List.of(1073741823, -1073741824)));
		assertThat(this.positives.expectMessage(Integer.class, NOW)).isEqualTo(Integer.MAX_VALUE - 1);
		assertThat(this.negatives.expectMessage(Integer.class, NOW)).isEqualTo(Integer.MIN_VALUE);
	}

}
