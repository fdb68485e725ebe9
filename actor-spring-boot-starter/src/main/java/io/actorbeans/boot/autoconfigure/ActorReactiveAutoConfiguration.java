package io.actorbeans.boot.autoconfigure;

import io.actorbeans.Bridge;
import io.actorbeans.boot.ReactiveBridge;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.annotation.Order;

/**
 * Auto-configuration for reactive applications: handlers that return a {@code Mono}, a
 * {@code Flux} or any type Spring's {@link ReactiveAdapterRegistry} knows reply with what
 * it emits; a {@link ReactiveBridge} when Reactor is on the class path; and a
 * {@link Bridge} whose waiting verbs fail fast on Reactor's non-blocking threads.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = ActorAutoConfiguration.class)
@ConditionalOnClass(Publisher.class)
public final class ActorReactiveAutoConfiguration {

	/**
	 * Sets the reply adapter first, so that a customizer of the application's own may
	 * replace it.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	ActorSystemSettingsCustomizer actorReactiveReplyAdapter() {
		ReactiveReplyAdapter adapter = new ReactiveReplyAdapter(ReactiveAdapterRegistry.getSharedInstance());
		return (settings) -> settings.withReplyAdapter(adapter);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Mono.class)
	static class ReactorConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveBridge reactiveBridge(Bridge bridge) {
			return new ReactiveBridge(bridge, Schedulers.parallel());
		}

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		static BeanPostProcessor actorBridgeNonBlockingThreadCheck() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof Bridge bridge && !(bean instanceof NonBlockingThreadCheckingBridge))
							? new NonBlockingThreadCheckingBridge(bridge) : bean;
				}

			};
		}

	}

}
