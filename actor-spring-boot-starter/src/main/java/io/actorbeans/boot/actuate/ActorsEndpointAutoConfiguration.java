package io.actorbeans.boot.actuate;

import io.actorbeans.ActorSystem;
import io.actorbeans.Bridge;
import io.actorbeans.boot.ActorBeans;
import io.actorbeans.boot.EntityTypes;
import io.actorbeans.boot.autoconfigure.ActorAutoConfiguration;
import io.actorbeans.boot.autoconfigure.ActorsProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link ActorsEndpoint}. Like
 * every endpoint, it is created only once exposed
 * ({@code management.endpoints.web.exposure.include=actors}); it reads by default, and
 * stops actors only with {@code management.endpoint.actors.access=unrestricted}. It
 * counts the entities of the {@link EntityTypes} bean, if there is one, and collects the
 * {@link ActorsEndpointContributor} beans, in their order.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = ActorAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean({ ActorSystem.class, Bridge.class, ActorBeans.class })
@ConditionalOnAvailableEndpoint(ActorsEndpoint.class)
public final class ActorsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ActorsEndpoint actorsEndpoint(ActorSystem actorSystem, Bridge actorBridge, ActorBeans actorBeans,
			ActorsProperties properties, ApplicationEventPublisher eventPublisher,
			ObjectProvider<EntityTypes> entityTypes, ObjectProvider<ActorsEndpointContributor> contributors) {
		return new ActorsEndpoint(actorSystem, actorBridge, actorBeans, properties.getBridge().getDefaultTimeout(),
				eventPublisher, entityTypes.getIfAvailable(), contributors.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(ActorsEndpoint.class)
	@ConditionalOnAvailableEndpoint(endpoint = ActorsEndpoint.class, exposure = EndpointExposure.WEB)
	ActorsEndpointWebExtension actorsEndpointWebExtension(ActorsEndpoint actorsEndpoint) {
		return new ActorsEndpointWebExtension(actorsEndpoint);
	}

}
