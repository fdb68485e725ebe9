package io.actorbeans.boot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the names of entities' actors, {@link EntityActivator#actorName} and its
 * reverse.
 */
class EntityActivatorTests {

	@Test
	void entityActorNameJoinsTypeAndIdAndSplitsBack() {
		String name = EntityActivator.actorName("counter", "apples:red");
		assertThat(name).isEqualTo("counter:apples:red");
		assertThat(EntityActivator.typeOf(name)).isEqualTo("counter");
		assertThat(EntityActivator.idOf(name)).isEqualTo("apples:red");
	}

	@Test
	void otherActorsAndChildrenOfEntitiesHaveNoEntityType() {
		assertThat(EntityActivator.typeOf("worker")).isNull();
		assertThat(EntityActivator.typeOf(":apples")).isNull();
		assertThat(EntityActivator.typeOf("counter:apples/audit")).isNull();
	}

}
