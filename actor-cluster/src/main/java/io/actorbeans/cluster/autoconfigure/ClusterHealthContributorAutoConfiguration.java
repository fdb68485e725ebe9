package io.actorbeans.cluster.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link ClusterHealthIndicator}: health component
 * {@code cluster}, switched off with {@code management.health.cluster.enabled=false}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = ClusterAutoConfiguration.class, before = HealthContributorAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(ClusterLifecycle.class)
@ConditionalOnEnabledHealthIndicator("cluster")
public final class ClusterHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "clusterHealthIndicator")
	ClusterHealthIndicator clusterHealthIndicator(ClusterLifecycle clusterLifecycle, ClusterProperties properties) {
		return new ClusterHealthIndicator(clusterLifecycle, properties.getMinMembers());
	}

}
