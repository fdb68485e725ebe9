package io.actorbeans.sample.counter;

import io.actorbeans.Handles;
import io.actorbeans.boot.ActorComponent;

import org.springframework.context.annotation.Scope;

/**
 * A counter actor: a prototype actor bean, so that each counter id gets an actor and a
 * bean instance of its own, spawned on first use by {@link Counters}.
 * <p>
 * Confined to its actor: the handlers run one message at a time, so the count needs no
 * lock and no increment is lost.
 *
 * @since 0.1.0
 */
@ActorComponent
@Scope("prototype")
class Counter {

	private long value;

	@Handles
	long onIncrement(Increment increment) {
		return ++this.value;
	}

	@Handles
	long onGetValue(GetValue request) {
		return this.value;
	}

	/**
	 * Adds one to the counter; the reply is the new value, a {@code Long}.
	 */
	record Increment() {
	}

	/**
	 * Asks for the counter's value; the reply is a {@code Long}.
	 */
	record GetValue() {
	}

}
