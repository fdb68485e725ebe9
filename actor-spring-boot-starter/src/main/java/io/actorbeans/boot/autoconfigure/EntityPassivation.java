package io.actorbeans.boot.autoconfigure;

import io.actorbeans.Handles;

/**
 * The behaviour of the actor that passivates idle entities: a periodic {@link Sweep} per
 * passivating entity type. Confined to its actor.
 */
final class EntityPassivation {

	private final LocalEntities entities;

	EntityPassivation(LocalEntities entities) {
		this.entities = entities;
	}

	@Handles
	void onSweep(Sweep sweep) {
		this.entities.passivateIdle(sweep.type());
	}

	/**
	 * Time to passivate the idle entities of a type.
	 *
	 * @param type the type's name
	 */
	record Sweep(String type) {
	}

}
