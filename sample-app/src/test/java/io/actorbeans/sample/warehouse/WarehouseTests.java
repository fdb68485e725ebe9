package io.actorbeans.sample.warehouse;

import java.time.Duration;
import java.util.List;

import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.ActorSystemSettings;
import io.actorbeans.Dispatcher;
import io.actorbeans.sample.warehouse.Warehouse.GetInventory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One warehouse actor, without Spring, on the calling-thread dispatcher: each send is
 * handled before it returns.
 */
class WarehouseTests {

	private final ActorSystem system = ActorSystem
		.create(ActorSystemSettings.defaults().withName("warehouse").withDispatcher(Dispatcher.CALLING_THREAD));

	@AfterEach
	void close() {
		this.system.close();
	}

	@Test
	void theInventoryHoldsTheResultsInTheOrderTheyCame() {
		ActorRef warehouse = this.system.spawn("positives", new Warehouse());
		warehouse.send(4);
		warehouse.send(2);
		List<Integer> inventory = this.system.bridge().call(warehouse, new GetInventory(), Duration.ofSeconds(1));
		assertThat(inventory).containsExactly(4, 2);
	}

	@Test
	void theInventoryIsACopy() {
		ActorRef warehouse = this.system.spawn("negatives", new Warehouse());
		warehouse.send(-2);
		List<Integer> before = this.system.bridge().call(warehouse, new GetInventory(), Duration.ofSeconds(1));
		warehouse.send(-4);
		assertThat(before).containsExactly(-2);
	}

}
