package io.actorbeans.sample.warehouse;

import java.util.ArrayList;
import java.util.List;

import io.actorbeans.Handles;

/**
 * A warehouse actor: it keeps the results it is sent, in the order they arrive, and
 * answers {@link GetInventory} with a copy of them.
 * <p>
 * Confined to its actor: the handlers run one message at a time, so the inventory needs
 * no lock.
 *
 * @since 0.1.0
 */
class Warehouse {

	private final List<Integer> inventory = new ArrayList<>();

	@Handles
	void onResult(Integer result) {
		this.inventory.add(result);
	}

	@Handles
	List<Integer> onGetInventory(GetInventory request) {
		return List.copyOf(this.inventory);
	}

	/**
	 * Asks a warehouse for its inventory; the reply is a {@code List<Integer>}.
	 */
	record GetInventory() {
	}

}
