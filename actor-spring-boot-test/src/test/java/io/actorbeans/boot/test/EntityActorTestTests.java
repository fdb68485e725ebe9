package io.actorbeans.boot.test;

import java.time.Duration;
import java.util.List;

import io.actorbeans.Bridge;
import io.actorbeans.Stopped;
import io.actorbeans.boot.Entities;
import io.actorbeans.boot.EntityRef;
import io.actorbeans.boot.test.app.Tally;
import io.actorbeans.boot.test.app.Tally.Add;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @ActorTest} runs {@link io.actorbeans.boot.EntityActor @EntityActor} beans as
 * local entities, through the {@link Entities} bean, as an application without the
 * cluster module does.
 */
@ActorTest
@Timeout(30)
class EntityActorTestTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@Autowired
	Entities entities;

	@Autowired
	Bridge bridge;

	@Test
	void eachEntityIdHasItsOwnActorAndState() {
		EntityRef apples = this.entities.ref(Tally.class, "apples");
		EntityRef pears = this.entities.ref(Tally.class, "pears");
		assertThat(this.bridge.<Integer>call(apples, new Add(2), TIMEOUT)).isEqualTo(2);
		assertThat(this.bridge.<Integer>call(apples, new Add(3), TIMEOUT)).isEqualTo(5);
		assertThat(this.bridge.<Integer>call(pears, new Add(1), TIMEOUT)).isEqualTo(1);
		assertThat(apples.name()).isEqualTo("tally/apples");
	}

	@Test
	void aStoppedEntityStartsAfreshOnItsNextMessage() {
		EntityRef plums = this.entities.ref(Tally.class, "plums");
		assertThat(this.bridge.<Integer>call(plums, new Add(4), TIMEOUT)).isEqualTo(4);
		assertThat(this.bridge.stop(List.of(plums), TIMEOUT)).singleElement().isInstanceOf(Stopped.class);
		assertThat(this.bridge.<Integer>call(plums, new Add(1), TIMEOUT)).isEqualTo(1);
	}

}
