package io.actorbeans.boot.autoconfigure;

import io.actorbeans.ActorSystem;
import io.actorbeans.boot.Entities;
import io.actorbeans.boot.EntityActivator;
import io.actorbeans.boot.EntityActor;
import io.actorbeans.boot.EntityTypes;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the {@link EntityActor @EntityActor} types: their
 * {@link EntityTypes}, and {@link Entities} that run each entity as a local actor. A
 * module that places entities elsewhere (such as {@code actor-cluster}) defines its own
 * {@link Entities} bean, and this one backs off.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = ActorAutoConfiguration.class)
@EnableConfigurationProperties(EntityProperties.class)
public final class EntityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	EntityTypes entityTypes(ConfigurableListableBeanFactory beanFactory, Environment environment,
			EntityProperties properties) {
		return EntityTypeScanner.scan(beanFactory, environment, properties);
	}

	@Bean
	@ConditionalOnMissingBean
	EntityActivator entityActivator(ActorSpawner actorSpawner) {
		return (type, id) -> actorSpawner.spawnPrototypeBean(type.beanName(),
				EntityActivator.actorName(type.name(), id));
	}

	@Bean
	@ConditionalOnMissingBean
	Entities entities(EntityTypes entityTypes, ActorSystem actorSystem, EntityActivator entityActivator) {
		return new LocalEntities(entityTypes, actorSystem, entityActivator);
	}

}
