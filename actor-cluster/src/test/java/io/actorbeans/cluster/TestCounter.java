package io.actorbeans.cluster;

import java.util.List;

import io.actorbeans.ActorContext;
import io.actorbeans.Handles;
import io.actorbeans.boot.Entities;
import io.actorbeans.boot.EntityActor;
import jakarta.annotation.PreDestroy;

/**
 * The entity of the cluster tests: a counter that reports where it runs.
 */
@EntityActor("counter")
public class TestCounter {

	private final Entities entities;

	private long value;

	TestCounter(Entities entities) {
		this.entities = entities;
	}

	@Handles
	Reading on(Increment increment) {
		return new Reading(++this.value, Nodes.self());
	}

	@Handles
	Reading on(Get get) {
		return new Reading(this.value, Nodes.self());
	}

	@Handles
	List<Long> on(History history) {
		return List.of(this.value, this.value);
	}

	@Handles
	Reading on(PassivateNow passivate, ActorContext context) {
		this.entities.passivate(context);
		return new Reading(this.value, Nodes.self());
	}

	@Handles
	long on(Fail fail) {
		throw new IllegalStateException("failing on purpose");
	}

	@PreDestroy
	void destroy() {
		Nodes.destroyed();
	}

	/** Adds one; the reply is a {@link Reading}. */
	public record Increment() {
	}

	/** Asks for the value; the reply is a {@link Reading}. */
	public record Get() {
	}

	/** Asks for a list. */
	public record History() {
	}

	/** Makes the entity passivate itself; the reply is a {@link Reading}. */
	public record PassivateNow() {
	}

	/** Makes the handler throw. */
	public record Fail() {
	}

	/**
	 * The counter's value, and the node that counted it.
	 *
	 * @param value the value
	 * @param node the node's name
	 */
	public record Reading(long value, String node) {
	}

}
