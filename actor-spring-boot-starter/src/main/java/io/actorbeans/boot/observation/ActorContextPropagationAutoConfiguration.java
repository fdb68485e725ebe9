package io.actorbeans.boot.observation;

import io.actorbeans.boot.autoconfigure.ActorAutoConfiguration;
import io.actorbeans.boot.autoconfigure.ActorSystemSettingsCustomizer;
import io.micrometer.context.ContextSnapshotFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of context propagation: with
 * {@code actorbeans.propagate-context=true}, each message carries a
 * {@link ContextSnapshotPropagator snapshot} of the sending thread's context, restored
 * around its handler, as Spring Boot's {@code spring.task.execution.propagate-context}
 * does for its task executor.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = ActorAutoConfiguration.class)
@ConditionalOnClass(ContextSnapshotFactory.class)
@ConditionalOnBooleanProperty("actorbeans.propagate-context")
public final class ActorContextPropagationAutoConfiguration {

	/**
	 * Set the propagator first, so that a customizer of the application may replace it.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	ActorSystemSettingsCustomizer actorContextPropagationCustomizer() {
		ContextSnapshotPropagator propagator = new ContextSnapshotPropagator();
		return (settings) -> settings.withContextPropagator(propagator);
	}

}
