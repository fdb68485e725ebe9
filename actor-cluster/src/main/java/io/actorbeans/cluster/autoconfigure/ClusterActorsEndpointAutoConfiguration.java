package io.actorbeans.cluster.autoconfigure;

import io.actorbeans.boot.actuate.ActorsEndpoint;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link ClusterActorsEndpointContributor}: section
 * {@code cluster} of the {@code actors} endpoint, when that endpoint is available
 * ({@code management.endpoints.web.exposure.include=actors}).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = ClusterAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(ClusterLifecycle.class)
@ConditionalOnAvailableEndpoint(ActorsEndpoint.class)
public final class ClusterActorsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ClusterActorsEndpointContributor clusterActorsEndpointContributor(ClusterLifecycle clusterLifecycle) {
		return new ClusterActorsEndpointContributor(clusterLifecycle);
	}

}
