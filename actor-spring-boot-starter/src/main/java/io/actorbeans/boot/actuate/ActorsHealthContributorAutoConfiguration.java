package io.actorbeans.boot.actuate;

import io.actorbeans.ActorSystem;
import io.actorbeans.boot.ActorBeans;
import io.actorbeans.boot.autoconfigure.ActorAutoConfiguration;
import io.actorbeans.boot.autoconfigure.ActorsProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the
 * {@link ActorsHealthIndicator}: health component {@code actors}, switched off with
 * {@code management.health.actors.enabled=false}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = ActorAutoConfiguration.class, before = HealthContributorAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean({ ActorSystem.class, ActorBeans.class })
@ConditionalOnEnabledHealthIndicator("actors")
public final class ActorsHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(value = ActorsHealthIndicator.class, name = "actorsHealthIndicator")
	ActorsHealthIndicator actorsHealthIndicator(ActorSystem actorSystem, ActorBeans actorBeans,
			ActorsProperties properties) {
		return new ActorsHealthIndicator(actorSystem, actorBeans, properties.getHealth().getStallThreshold());
	}

}
