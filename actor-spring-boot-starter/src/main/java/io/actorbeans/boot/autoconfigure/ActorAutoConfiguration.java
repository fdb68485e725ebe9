package io.actorbeans.boot.autoconfigure;

import java.util.LinkedHashSet;
import java.util.Set;

import io.actorbeans.ActorSystem;
import io.actorbeans.Bridge;
import io.actorbeans.boot.ActorBeans;
import io.actorbeans.boot.ActorFactory;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the application's actor system: the {@link ActorSystem}, its
 * {@link Bridge}, the actors of {@link io.actorbeans.boot.Actor @Actor} beans with their
 * {@link io.actorbeans.ActorRef} beans, the {@link ActorFactory} for prototype actors,
 * the dead-letter events, and a graceful shutdown after the web server's.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@EnableConfigurationProperties(ActorsProperties.class)
public final class ActorAutoConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ActorBeanRegistrar actorBeanRegistrar() {
		return new ActorBeanRegistrar();
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ActorSystem actorSystem(ActorsProperties properties, Environment environment) {
		return ActorSystem.create(properties.toSettings(environment.getProperty("spring.application.name", "actors")));
	}

	@Bean
	@ConditionalOnMissingBean
	Bridge actorBridge(ActorSystem actorSystem) {
		return actorSystem.bridge();
	}

	@Bean
	@ConditionalOnMissingBean
	ActorBeans actorBeans(ActorSystem actorSystem, ActorDeclarations declarations,
			ConfigurableListableBeanFactory beanFactory) {
		Set<String> tags = new LinkedHashSet<>();
		for (ActorDeclaration declaration : declarations.all()) {
			Class<?> type = beanFactory.getType(declaration.beanName(), false);
			tags.add(declaration.prototype() ? ActorSpawner.tagOf(type) : declaration.beanName());
		}
		ActorBeans actorBeans = new ActorBeans(tags);
		actorSystem.addTerminationListener(actorBeans);
		return actorBeans;
	}

	@Bean
	ActorSpawner actorSpawner(ActorSystem actorSystem, ConfigurableListableBeanFactory beanFactory,
			ActorDeclarations declarations, ActorBeans actorBeans, Environment environment) {
		return new ActorSpawner(actorSystem, beanFactory, declarations, actorBeans, new PeriodicTicks(environment));
	}

	@Bean
	@ConditionalOnMissingBean
	ActorFactory actorFactory(ActorSpawner actorSpawner) {
		return actorSpawner::spawnPrototype;
	}

	@Bean
	@ConditionalOnMissingBean
	ActorSystemLifecycle actorSystemLifecycle(ActorSystem actorSystem, ActorsProperties properties) {
		return new ActorSystemLifecycle(actorSystem, properties.getShutdown().getTimeout());
	}

	@Bean
	DeadLetterEventPublisher actorDeadLetterEventPublisher(ActorSystem actorSystem,
			ApplicationEventPublisher publisher) {
		return new DeadLetterEventPublisher(actorSystem, publisher);
	}

}
