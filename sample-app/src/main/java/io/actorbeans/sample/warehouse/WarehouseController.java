package io.actorbeans.sample.warehouse;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /warehouses} and {@code GET /warehouses/{name}/inventory}: the inventories
 * of the warehouse actors, read through the Bridge.
 * <p>
 * Thread-safe: called by the request threads.
 *
 * @since 0.1.0
 */
@RestController
class WarehouseController {

	private final Warehouses warehouses;

	WarehouseController(Warehouses warehouses) {
		this.warehouses = warehouses;
	}

	@GetMapping("/warehouses")
	Map<String, List<Integer>> inventories() {
		return this.warehouses.inventories();
	}

	@GetMapping("/warehouses/{name}/inventory")
	List<Integer> inventory(@PathVariable String name) {
		return this.warehouses.inventory(name)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"No warehouse '" + name + "'; the warehouses are " + this.warehouses.names()));
	}

}
