package io.actorbeans.sample.warehouse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.actorbeans.ActorRef;
import io.actorbeans.ActorStoppedException;
import io.actorbeans.ActorSystem;
import io.actorbeans.ActorSystemShutdownException;
import io.actorbeans.Bridge;
import io.actorbeans.CallTimeoutException;
import io.actorbeans.sample.warehouse.Warehouse.GetInventory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The warehouses by name, and the Bridge calls that read their inventories.
 * <p>
 * Thread-safe: called by the request threads.
 *
 * @since 0.1.0
 */
@Component
class Warehouses {

	/** Stands for "no reply" in a multiCall: no inventory is this object. */
	private static final Object NO_REPLY = new Object();

	private final Map<String, ActorRef> warehouses = new LinkedHashMap<>();

	private final ActorSystem actorSystem;

	private final Bridge bridge;

	Warehouses(ActorSystem actorSystem, Bridge bridge, @Qualifier(WarehouseConfiguration.POSITIVES) ActorRef positives,
			@Qualifier(WarehouseConfiguration.NEGATIVES) ActorRef negatives) {
		this.actorSystem = actorSystem;
		this.bridge = bridge;
		this.warehouses.put(positives.name(), positives);
		this.warehouses.put(negatives.name(), negatives);
	}

	/**
	 * The names of the warehouses.
	 * @return the names, positives first
	 */
	Set<String> names() {
		return this.warehouses.keySet();
	}

	/**
	 * The inventory of one warehouse, within the Bridge's default timeout.
	 * @param name the warehouse's name
	 * @return its inventory, or empty if no warehouse has the name
	 * @throws ActorStoppedException if the warehouse has stopped
	 * @throws CallTimeoutException if it did not reply in time
	 */
	Optional<List<Integer>> inventory(String name) {
		ActorRef warehouse = this.warehouses.get(name);
		if (warehouse == null) {
			return Optional.empty();
		}
		return Optional.of(this.bridge.call(warehouse, new GetInventory()));
	}

	/**
	 * The inventory of every warehouse, asked in one multiCall under one deadline.
	 * @return the inventories by warehouse name, positives first
	 * @throws ActorStoppedException if a warehouse has stopped
	 * @throws CallTimeoutException if a warehouse did not reply in time
	 */
	@SuppressWarnings("unchecked")
	Map<String, List<Integer>> inventories() {
		List<ActorRef> targets = new ArrayList<>(this.warehouses.values());
		List<Bridge.Request> requests = targets.stream()
			.map((target) -> new Bridge.Request(target, new GetInventory()))
			.toList();
		Duration timeout = this.actorSystem.settings().bridgeTimeout();
		List<@Nullable Object> replies = this.bridge.multiCall(requests, timeout, NO_REPLY);
		Map<String, List<Integer>> inventories = new LinkedHashMap<>();
		for (int i = 0; i < targets.size(); i++) {
			Object reply = replies.get(i);
			if (reply == NO_REPLY || reply == null) {
				throw noReply(targets.get(i), timeout);
			}
			inventories.put(targets.get(i).name(), (List<Integer>) reply);
		}
		return inventories;
	}

	/**
	 * Why a warehouse gave no reply to a multiCall, which only returns the default: the
	 * system is shutting down, the warehouse has stopped, or it is live and was late.
	 */
	private RuntimeException noReply(ActorRef warehouse, Duration timeout) {
		if (this.actorSystem.isShutdown()) {
			return new ActorSystemShutdownException(
					"Cannot call warehouse '" + warehouse.name() + "': the actor system is shutting down");
		}
		boolean live = this.actorSystem.lookup(warehouse.name()).filter((actor) -> actor == warehouse).isPresent();
		if (!live) {
			return new ActorStoppedException(warehouse.name(), "Warehouse '" + warehouse.name() + "' has stopped");
		}
		return new CallTimeoutException(warehouse.name(),
				"Warehouse '" + warehouse.name() + "' did not reply within " + timeout.toMillis() + " ms");
	}

}
