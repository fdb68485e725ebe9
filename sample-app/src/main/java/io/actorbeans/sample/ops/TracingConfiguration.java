package io.actorbeans.sample.ops;

import io.actorbeans.boot.observation.ActorMessageObservationContext;
import io.micrometer.observation.ObservationPredicate;
import io.opentelemetry.exporter.logging.LoggingSpanExporter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tracing: with {@code sample.tracing.log-spans=true} the spans go to the log, never over
 * the network (without it, trace and span ids still reach the log lines and the problem
 * details, and no span is exported); the ping-pong players are not observed message by
 * message.
 *
 * @since 0.1.0
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

	/** The actor tag of the ping-pong players: their prototype bean's name. */
	static final String PLAYERS = "player";

	@Bean
	@ConditionalOnBooleanProperty("sample.tracing.log-spans")
	LoggingSpanExporter loggingSpanExporter() {
		return LoggingSpanExporter.create();
	}

	/**
	 * A rally passes the ball tens of thousands of times in one request: a span for each
	 * would drown the trace. The request's span still reaches the players.
	 */
	@Bean
	ObservationPredicate noObservationsOfPlayers() {
		return (name, context) -> !(context instanceof ActorMessageObservationContext message
				&& PLAYERS.equals(message.getActorTag()));
	}

}
