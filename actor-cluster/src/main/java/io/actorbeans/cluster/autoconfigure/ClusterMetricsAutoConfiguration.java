package io.actorbeans.cluster.autoconfigure;

import io.actorbeans.boot.EntityTypes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link ClusterMetrics}: active when the application has a
 * {@link MeterRegistry}, to which Spring Boot binds it.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = ClusterAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, MeterBinder.class })
@ConditionalOnBean({ MeterRegistry.class, ClusterLifecycle.class })
public final class ClusterMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ClusterMetrics clusterMetrics(ClusterLifecycle clusterLifecycle, EntityTypes entityTypes) {
		return new ClusterMetrics(clusterLifecycle, entityTypes);
	}

}
