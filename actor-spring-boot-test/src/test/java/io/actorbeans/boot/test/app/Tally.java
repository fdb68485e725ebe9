package io.actorbeans.boot.test.app;

import io.actorbeans.Handles;
import io.actorbeans.boot.EntityActor;

/** An entity: one tally per id, each with its own total. */
@EntityActor("tally")
public class Tally {

	private int total;

	@Handles
	int add(Add add) {
		this.total += add.amount();
		return this.total;
	}

	/**
	 * Add to the tally; it answers its new total.
	 *
	 * @param amount how much
	 */
	public record Add(int amount) {
	}

}
