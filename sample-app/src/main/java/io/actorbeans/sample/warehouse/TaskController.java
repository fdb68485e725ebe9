package io.actorbeans.sample.warehouse;

import java.util.List;

import io.actorbeans.ActorRef;
import io.actorbeans.Bridge;
import io.actorbeans.sample.warehouse.Worker.Tasks;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /tasks}: hands values to the worker actor, which doubles them into the
 * warehouses. The answer, {@code 202 Accepted}, comes once the worker has the tasks in
 * its mailbox; the results reach the warehouses shortly after.
 * <p>
 * Thread-safe: called by the request threads.
 *
 * @since 0.1.0
 */
@RestController
class TaskController {

	private static final Logger logger = LoggerFactory.getLogger(TaskController.class);

	private final Bridge bridge;

	private final ActorRef worker;

	TaskController(Bridge bridge, @Qualifier(Worker.NAME) ActorRef worker) {
		this.bridge = bridge;
		this.worker = worker;
	}

	@PostMapping("/tasks")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Accepted submit(@Valid @RequestBody TaskRequest request) {
		List<Integer> values = request.values();
		logger.info("Handing {} tasks to the worker", values.size());
		this.bridge.send(this.worker, new Tasks(values));
		return new Accepted(values.size());
	}

	/**
	 * The body of {@code POST /tasks}. Each value is doubled, so it must lie within half
	 * the range of an {@code int}.
	 *
	 * @param values the values to double
	 */
	record TaskRequest(@NotNull @Size(max = MAX_VALUES) List<@NotNull @Min(MIN_VALUE) @Max(MAX_VALUE) Integer> values) {

		/** The most values one request may carry. */
		static final int MAX_VALUES = 10_000;

		/** The smallest value whose double is an {@code int}. */
		static final int MIN_VALUE = Integer.MIN_VALUE / 2;

		/** The largest value whose double is an {@code int}. */
		static final int MAX_VALUE = Integer.MAX_VALUE / 2;

	}

	/**
	 * The answer to {@code POST /tasks}.
	 *
	 * @param accepted the number of tasks the worker accepted
	 */
	record Accepted(int accepted) {
	}

}
