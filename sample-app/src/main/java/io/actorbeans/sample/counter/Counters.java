package io.actorbeans.sample.counter;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.actorbeans.ActorNameInUseException;
import io.actorbeans.ActorRef;
import io.actorbeans.ActorStoppedException;
import io.actorbeans.ActorSystem;
import io.actorbeans.Bridge;
import io.actorbeans.CallTimeoutException;
import io.actorbeans.Stopped;
import io.actorbeans.boot.ActorFactory;
import io.actorbeans.sample.counter.Counter.GetValue;
import io.actorbeans.sample.counter.Counter.Increment;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The counters: one {@link Counter} actor per id, named {@code counter-<id>}, spawned
 * through the {@link ActorFactory} on the first increment and stopped on request. The
 * actor system is the only registry: a counter exists while its actor is live.
 * <p>
 * Thread-safe: called by the request threads. Two requests that create the same counter
 * at once get one actor, and an increment that meets a counter being stopped starts a new
 * one.
 *
 * @since 0.1.0
 */
@Component
class Counters {

	/** The prefix of the counter actors' names. */
	static final String PREFIX = "counter-";

	/** How many times an increment tries when its counter keeps stopping under it. */
	private static final int ATTEMPTS = 3;

	private final ActorSystem actorSystem;

	private final ActorFactory actorFactory;

	private final Bridge bridge;

	Counters(ActorSystem actorSystem, ActorFactory actorFactory, Bridge bridge) {
		this.actorSystem = actorSystem;
		this.actorFactory = actorFactory;
		this.bridge = bridge;
	}

	/**
	 * Add one to a counter, creating it first if needed.
	 * @param id the counter's id
	 * @return the new value
	 */
	long increment(String id) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.bridge.<Long>call(obtain(id), new Increment());
			}
			catch (ActorStoppedException ex) {
				// stopped between the lookup and the call: a new counter takes its place
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	/**
	 * The value of a counter.
	 * @param id the counter's id
	 * @return its value, or empty if it does not exist
	 */
	Optional<Long> value(String id) {
		Optional<ActorRef> counter = this.actorSystem.lookup(PREFIX + id);
		if (counter.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(this.bridge.call(counter.get(), new GetValue()));
		}
		catch (ActorStoppedException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Stop a counter's actor gracefully, after the increments it already accepted.
	 * @param id the counter's id
	 * @return whether there was a counter to stop
	 * @throws CallTimeoutException if the counter did not confirm in time
	 */
	boolean delete(String id) {
		Optional<ActorRef> counter = this.actorSystem.lookup(PREFIX + id);
		if (counter.isEmpty()) {
			return false;
		}
		Duration timeout = this.actorSystem.settings().bridgeTimeout();
		@Nullable Stopped stopped = this.bridge.stop(List.of(counter.get()), timeout).get(0);
		if (stopped == null && isLive(counter.get())) {
			throw new CallTimeoutException(counter.get().name(),
					"Counter '" + id + "' did not confirm that it stopped within " + timeout.toMillis() + " ms");
		}
		return stopped != null;
	}

	private ActorRef obtain(String id) {
		String name = PREFIX + id;
		for (;;) {
			Optional<ActorRef> counter = this.actorSystem.lookup(name);
			if (counter.isPresent()) {
				return counter.get();
			}
			try {
				return this.actorFactory.spawn(Counter.class, name);
			}
			catch (ActorNameInUseException ex) {
				// another request created it first: use that one
			}
		}
	}

	private boolean isLive(ActorRef actor) {
		return this.actorSystem.lookup(actor.name()).filter((live) -> live == actor).isPresent();
	}

}
