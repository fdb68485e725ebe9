package io.actorbeans.boot.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.actorbeans.ActorScheduler;
import io.actorbeans.ActorSystem;
import io.actorbeans.ActorSystemSettings;
import io.actorbeans.Bridge;
import io.actorbeans.Dispatcher;
import io.actorbeans.boot.ActorBeans;
import io.actorbeans.boot.ActorFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.context.LifecycleProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.thread.Threading;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.util.Assert;

/**
 * Auto-configuration of the application's actor system: the {@link ActorSystem}, its
 * {@link Bridge}, the actors of {@link io.actorbeans.boot.Actor @Actor} beans with their
 * {@link io.actorbeans.ActorRef} beans, the {@link ActorFactory} for prototype actors,
 * the dead-letter events, and the {@link ActorSystemLifecycle}. The system's settings
 * come from the {@link ActorsProperties}, then every
 * {@link ActorSystemSettingsCustomizer} bean in order; an {@link ActorScheduler} bean, if
 * there is one, runs its timers and timeouts (a test's virtual time, say).
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

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ConfinementGuardPostProcessor actorConfinementGuard(ActorBeanRegistrar actorBeanRegistrar) {
		return new ConfinementGuardPostProcessor(actorBeanRegistrar);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ActorSystem actorSystem(ActorsProperties properties, Environment environment,
			ObjectProvider<ActorSystemSettingsCustomizer> customizers, ObjectProvider<ActorScheduler> scheduler) {
		ActorSystemSettings settings = properties.toSettings(
				environment.getProperty("spring.application.name", "actors"),
				defaultDispatcher(properties, environment));
		for (ActorSystemSettingsCustomizer customizer : customizers.orderedStream().toList()) {
			settings = customizer.customize(settings);
			Assert.state(settings != null, () -> "ActorSystemSettingsCustomizer " + customizer.getClass().getName()
					+ " returned null: return the settings it was given, changed or not");
		}
		ActorScheduler givenScheduler = scheduler.getIfAvailable();
		ActorSystem system = (givenScheduler != null) ? ActorSystem.create(settings, givenScheduler)
				: ActorSystem.create(settings);
		// ticks wait for ActorSystemLifecycle.start(), once the context has been
		// refreshed
		system.pauseTimers();
		return system;
	}

	@Bean
	@ConditionalOnMissingBean
	Bridge actorBridge(ActorSystem actorSystem) {
		return actorSystem.bridge();
	}

	/**
	 * The actor beans' tags, each with the dispatcher of its actors; made before the
	 * actor system, so that what observes its messages can tag them.
	 */
	@Bean
	@ConditionalOnMissingBean
	ActorBeans actorBeans(ActorsProperties properties, ActorDeclarations declarations, Environment environment) {
		Dispatcher systemDefault = defaultDispatcher(properties, environment);
		Map<String, Dispatcher> dispatchers = new LinkedHashMap<>();
		for (ActorDeclaration declaration : declarations.all()) {
			Dispatcher dispatcher = declaration.options().dispatcher();
			dispatchers.put(declaration.beanName(), (dispatcher != null) ? dispatcher : systemDefault);
		}
		return new ActorBeans(dispatchers);
	}

	@Bean
	ActorSpawner actorSpawner(ActorSystem actorSystem, ConfigurableListableBeanFactory beanFactory,
			ActorDeclarations declarations, ActorBeans actorBeans, Environment environment) {
		actorSystem.addTerminationListener(actorBeans);
		return new ActorSpawner(actorSystem, beanFactory, declarations, actorBeans, new PeriodicTicks(environment));
	}

	@Bean
	@ConditionalOnMissingBean
	ActorFactory actorFactory(ActorSpawner actorSpawner) {
		return actorSpawner::spawnPrototype;
	}

	@Bean
	@ConditionalOnMissingBean
	ActorSystemLifecycle actorSystemLifecycle(ActorSystem actorSystem, ActorsProperties properties,
			ObjectProvider<LifecycleProperties> lifecycleProperties) {
		Duration timeout = properties.getShutdown().getTimeout();
		LifecycleProperties lifecycle = lifecycleProperties.getIfAvailable();
		if (lifecycle != null && lifecycle.getTimeoutPerShutdownPhase().compareTo(timeout) < 0) {
			timeout = lifecycle.getTimeoutPerShutdownPhase();
		}
		return new ActorSystemLifecycle(actorSystem, timeout);
	}

	@Bean
	DeadLetterEventPublisher actorDeadLetterEventPublisher(ActorSystem actorSystem,
			ApplicationEventPublisher publisher) {
		return new DeadLetterEventPublisher(actorSystem, publisher);
	}

	private static Dispatcher defaultDispatcher(ActorsProperties properties, Environment environment) {
		Dispatcher configured = properties.getDispatcher().getType();
		if (configured != null) {
			return configured;
		}
		return Threading.VIRTUAL.isActive(environment) ? Dispatcher.VIRTUAL : Dispatcher.SHARED;
	}

	/**
	 * No bean depends on the dead-letter publisher: keep it eager under lazy
	 * initialization.
	 */
	@Bean
	static LazyInitializationExcludeFilter eagerActorDeadLetterEventPublisher() {
		return LazyInitializationExcludeFilter.forBeanTypes(DeadLetterEventPublisher.class);
	}

}
