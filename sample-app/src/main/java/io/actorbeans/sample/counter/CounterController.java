package io.actorbeans.sample.counter;

import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /counters/{id}}: increment a counter (created on first use), read it, delete it.
 * <p>
 * Thread-safe: called by the request threads.
 *
 * @since 0.1.0
 */
@RestController
class CounterController {

	private static final String ID_PATTERN = "[A-Za-z0-9_-]{1,64}";

	private static final String ID_RULE = "must be 1 to 64 letters, digits, '-' or '_'";

	private final Counters counters;

	CounterController(Counters counters) {
		this.counters = counters;
	}

	@PostMapping("/counters/{id}/increment")
	CounterValue increment(@PathVariable @Pattern(regexp = ID_PATTERN, message = ID_RULE) String id) {
		return new CounterValue(id, this.counters.increment(id));
	}

	@GetMapping("/counters/{id}")
	CounterValue value(@PathVariable @Pattern(regexp = ID_PATTERN, message = ID_RULE) String id) {
		long value = this.counters.value(id).orElseThrow(() -> noCounter(id));
		return new CounterValue(id, value);
	}

	@DeleteMapping("/counters/{id}")
	ResponseEntity<Void> delete(@PathVariable @Pattern(regexp = ID_PATTERN, message = ID_RULE) String id) {
		if (!this.counters.delete(id)) {
			throw noCounter(id);
		}
		return ResponseEntity.noContent().build();
	}

	private static ResponseStatusException noCounter(String id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND,
				"No counter '" + id + "'; POST /counters/" + id + "/increment creates it");
	}

	/**
	 * A counter's value.
	 *
	 * @param id the counter's id
	 * @param value its value
	 */
	record CounterValue(String id, long value) {
	}

}
