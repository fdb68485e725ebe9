package io.actorbeans.sample.warehouse;

import java.util.List;

import io.actorbeans.ActorContext;
import io.actorbeans.ActorRef;
import io.actorbeans.Handles;
import io.actorbeans.boot.ActorComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The worker actor: it doubles each value it is given and sends the result to the
 * {@code positives} warehouse (zero and above) or the {@code negatives} one.
 * <p>
 * Confined to its actor. Results of one {@link Tasks} message reach each warehouse in the
 * order of the values. It logs who sent the tasks: the security context of the request
 * comes with the message (with {@code actorbeans.propagate-context=true}), as does its
 * trace.
 *
 * @since 0.1.0
 */
@ActorComponent(Worker.NAME)
class Worker {

	/** The actor's name. */
	static final String NAME = "worker";

	private static final Logger logger = LoggerFactory.getLogger(Worker.class);

	private final ActorRef positives;

	private final ActorRef negatives;

	Worker(@Qualifier(WarehouseConfiguration.POSITIVES) ActorRef positives,
			@Qualifier(WarehouseConfiguration.NEGATIVES) ActorRef negatives) {
		this.positives = positives;
		this.negatives = negatives;
	}

	@Handles
	void onTasks(Tasks tasks, ActorContext context) {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		logger.info("Doubling {} values for {}", tasks.values().size(),
				(caller != null) ? caller.getName() : "(no caller)");
		for (int value : tasks.values()) {
			int result = Math.multiplyExact(value, 2);
			ActorRef destination = (result >= 0) ? this.positives : this.negatives;
			destination.send(result, context.self());
		}
	}

	/**
	 * Values to double, one task each.
	 *
	 * @param values the values, each within half the range of an {@code int}
	 */
	record Tasks(List<Integer> values) {

		Tasks {
			values = List.copyOf(values);
		}

	}

}
