package io.actorbeans.sample.warehouse;

import io.actorbeans.boot.Actor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two warehouse actors, {@code positives} and {@code negatives}: two singleton actor
 * beans of one class, each with an {@link io.actorbeans.ActorRef} bean qualified by its
 * name.
 *
 * @since 0.1.0
 */
@Configuration(proxyBeanMethods = false)
class WarehouseConfiguration {

	/** The name of the warehouse for results of zero and above. */
	static final String POSITIVES = "positives";

	/** The name of the warehouse for results below zero. */
	static final String NEGATIVES = "negatives";

	@Bean(POSITIVES)
	@Actor
	Warehouse positives() {
		return new Warehouse();
	}

	@Bean(NEGATIVES)
	@Actor
	Warehouse negatives() {
		return new Warehouse();
	}

}
