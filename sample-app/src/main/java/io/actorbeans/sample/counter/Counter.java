package io.actorbeans.sample.counter;

import io.actorbeans.Handles;
import io.actorbeans.boot.EntityActor;

/**
 * A counter: an entity actor, one bean instance per counter id, activated by its first
 * message, wherever it lives (this JVM, or one replica of the cluster). Its state says
 * whether it was ever incremented: a counter that was not is reported missing. (It does
 * not end itself then, not even by passivation: an increment already queued behind the
 * read would be handled by this activation and lost with it. {@code DELETE} stops a
 * counter through the {@code Bridge}, which the entities coordinate with the messages
 * that follow.)
 * <p>
 * Confined to its actor: the handlers run one message at a time, so the count needs no
 * lock and no increment is lost.
 *
 * @since 0.1.0
 */
@EntityActor("counter")
class Counter {

	private long value;

	private boolean incremented;

	@Handles
	long onIncrement(Increment increment) {
		this.incremented = true;
		return ++this.value;
	}

	@Handles
	Reading onGetValue(GetValue request) {
		return new Reading(this.incremented, this.value);
	}

	/**
	 * Adds one to the counter; the reply is the new value, a {@code Long}.
	 */
	record Increment() {
	}

	/**
	 * Asks for the counter's value; the reply is a {@link Reading}.
	 */
	record GetValue() {
	}

	/**
	 * A counter's state.
	 *
	 * @param incremented whether it was ever incremented: whether the counter exists
	 * @param value its value
	 */
	record Reading(boolean incremented, long value) {
	}

}
