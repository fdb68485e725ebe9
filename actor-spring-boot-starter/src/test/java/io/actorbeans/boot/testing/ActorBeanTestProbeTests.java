package io.actorbeans.boot.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.Handles;
import io.actorbeans.boot.ActorComponent;
import io.actorbeans.test.TestProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit test of an actor bean with a TestProbe, in a {@code @SpringBootTest}: the probe
 * runs in the context's actor system and stands in for the bean's callers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Timeout(30)
class ActorBeanTestProbeTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	@Autowired
	private ActorSystem actorSystem;

	@Autowired
	@Qualifier("positives")
	private ActorRef positives;

	private TestProbe probe;

	@AfterEach
	void closeProbe() {
		if (this.probe != null) {
			this.probe.close();
		}
	}

	@Test
	void warehouseRepliesWithItsInventoryToTheProbe() {
		this.probe = TestProbe.create(this.actorSystem);
		this.positives.send(2);
		this.positives.send(4);
		this.positives.send(new GetInventory(), this.probe);
		assertThat(this.probe.expectMessage(List.class, TIMEOUT)).isEqualTo(List.of(2, 4));
		assertThat(this.probe.lastSender()).isEqualTo(this.positives);
		// one reply per request: the warehouse's next message to the probe is the answer
		// to the next request, not a second copy of the first
		this.positives.send(6);
		this.positives.send(new GetInventory(), this.probe);
		assertThat(this.probe.expectMessage(List.class, TIMEOUT)).isEqualTo(List.of(2, 4, 6));
	}

	record GetInventory() {
	}

	@SpringBootApplication
	@Import(Warehouse.class)
	static class WarehouseApplication {

	}

	@ActorComponent("positives")
	static class Warehouse {

		private final List<Integer> inventory = new ArrayList<>();

		@Handles
		List<Integer> onGetInventory(GetInventory request) {
			return List.copyOf(this.inventory);
		}

		@Handles
		void onResult(Integer result) {
			this.inventory.add(result);
		}

	}

}
