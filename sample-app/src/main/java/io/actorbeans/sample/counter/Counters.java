package io.actorbeans.sample.counter;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.actorbeans.ActorSystem;
import io.actorbeans.Bridge;
import io.actorbeans.CallTimeoutException;
import io.actorbeans.Stopped;
import io.actorbeans.boot.Entities;
import io.actorbeans.boot.EntityRef;
import io.actorbeans.sample.counter.Counter.GetValue;
import io.actorbeans.sample.counter.Counter.Increment;
import io.actorbeans.sample.counter.Counter.Reading;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The counters: one {@link Counter} entity per id, reached through {@link Entities}, in
 * this JVM or across the replicas of a cluster alike.
 * <p>
 * Thread-safe: called by the request threads.
 *
 * @since 0.1.0
 */
@Component
class Counters {

	private final Entities entities;

	private final Bridge bridge;

	private final Duration timeout;

	Counters(Entities entities, Bridge bridge, ActorSystem actorSystem) {
		this.entities = entities;
		this.bridge = bridge;
		this.timeout = actorSystem.settings().bridgeTimeout();
	}

	/**
	 * Add one to a counter, creating it first if needed.
	 * @param id the counter's id
	 * @return the new value
	 */
	long increment(String id) {
		return call(id, new Increment());
	}

	/**
	 * The value of a counter.
	 * @param id the counter's id
	 * @return its value, or empty if it was never incremented since it was last deleted
	 */
	Optional<Long> value(String id) {
		Reading reading = call(id, new GetValue());
		return reading.incremented() ? Optional.of(reading.value()) : Optional.empty();
	}

	/**
	 * Stop a counter gracefully, after the increments it already accepted.
	 * @param id the counter's id
	 * @return whether there was a counter to stop
	 * @throws CallTimeoutException if the counter did not confirm in time
	 */
	boolean delete(String id) {
		if (value(id).isEmpty()) {
			return false;
		}
		EntityRef counter = counter(id);
		@Nullable Stopped stopped = this.bridge.stop(List.of(counter), this.timeout).get(0);
		if (stopped == null) {
			throw new CallTimeoutException(counter.name(),
					"Counter '" + id + "' did not confirm that it stopped within " + this.timeout.toMillis() + " ms");
		}
		return true;
	}

	private <T> T call(String id, Object request) {
		return this.bridge.call(counter(id), request, this.timeout);
	}

	private EntityRef counter(String id) {
		return this.entities.ref(Counter.class, id);
	}

}
