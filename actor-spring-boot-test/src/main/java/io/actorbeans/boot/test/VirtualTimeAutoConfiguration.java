package io.actorbeans.boot.test;

import io.actorbeans.ActorScheduler;
import io.actorbeans.boot.autoconfigure.ActorAutoConfiguration;
import io.actorbeans.test.VirtualTime;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of virtual time for tests of actor beans: a {@link VirtualTime}
 * bean, which the auto-configured actor system takes as its {@link ActorScheduler}, when
 * {@code actorbeans.test.virtual-time} is {@code true} (as
 * {@code @ActorTest(virtualTime = true)} sets it). Imported by
 * {@link AutoConfigureActors @AutoConfigureActors} only.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = ActorAutoConfiguration.class)
@ConditionalOnBooleanProperty("actorbeans.test.virtual-time")
public final class VirtualTimeAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ActorScheduler.class)
	VirtualTime actorVirtualTime() {
		return new VirtualTime();
	}

}
