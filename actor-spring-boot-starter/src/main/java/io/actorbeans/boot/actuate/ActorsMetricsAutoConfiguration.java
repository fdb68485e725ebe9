package io.actorbeans.boot.actuate;

import io.actorbeans.ActorSystem;
import io.actorbeans.boot.ActorBeans;
import io.actorbeans.boot.autoconfigure.ActorAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link ActorSystemMetrics}
 * and the {@link ActorThreadPoolMetrics}: active when the application has a
 * {@link MeterRegistry}, to which Spring Boot binds it.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = ActorAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, MeterBinder.class })
@ConditionalOnBean({ MeterRegistry.class, ActorSystem.class, ActorBeans.class })
public final class ActorsMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ActorSystemMetrics actorSystemMetrics(ActorSystem actorSystem, ActorBeans actorBeans) {
		return new ActorSystemMetrics(actorSystem, actorBeans);
	}

	@Bean
	@ConditionalOnMissingBean
	ActorThreadPoolMetrics actorThreadPoolMetrics(ActorSystem actorSystem) {
		return new ActorThreadPoolMetrics(actorSystem);
	}

}
