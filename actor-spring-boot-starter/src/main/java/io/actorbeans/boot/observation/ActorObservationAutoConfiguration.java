package io.actorbeans.boot.observation;

import io.actorbeans.ActorSystem;
import io.actorbeans.Bridge;
import io.actorbeans.boot.ActorBeans;
import io.actorbeans.boot.autoconfigure.ActorAutoConfiguration;
import io.actorbeans.boot.autoconfigure.ActorSystemSettingsCustomizer;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the actor system's observations,
 * with {@code actorbeans.observations.enabled=true} and an {@link ObservationRegistry}:
 * each message an actor handles ({@code actors.message.process}) and each Bridge call
 * ({@code actors.bridge.call}), with the {@link ActorMessageObservationConvention} and
 * {@link BridgeCallObservationConvention} beans if the application defines them, as
 * Spring Boot observes {@code @Scheduled} methods.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = ActorAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty("actorbeans.observations.enabled")
public final class ActorObservationAutoConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	ActorSystemSettingsCustomizer actorMessageObservationCustomizer(ObservationRegistry observationRegistry,
			ObjectProvider<ActorMessageObservationConvention> convention, ActorBeans actorBeans) {
		ObservationMessageObserver observer = new ObservationMessageObserver(observationRegistry,
				convention.getIfUnique(), actorBeans);
		return (settings) -> settings.withMessageObserver(observer);
	}

	@Bean
	@ConditionalOnMissingBean
	Bridge actorBridge(ActorSystem actorSystem, ObservationRegistry observationRegistry,
			ObjectProvider<BridgeCallObservationConvention> convention, ActorBeans actorBeans) {
		return new ObservedBridge(actorSystem.bridge(), observationRegistry, convention.getIfUnique(), actorBeans);
	}

}
