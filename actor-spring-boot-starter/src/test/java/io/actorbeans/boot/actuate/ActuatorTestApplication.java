package io.actorbeans.boot.actuate;

import io.actorbeans.boot.Actor;
import io.actorbeans.boot.actuate.TestActors.Worker;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A web application with two actor beans, "greeter" and "clerk", for the tests over HTTP.
 * It scans no components, so that the configurations of the other tests of this package
 * stay out of it.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class ActuatorTestApplication {

	@Bean
	@Actor
	Worker greeter() {
		return new Worker();
	}

	@Bean
	@Actor
	Worker clerk() {
		return new Worker();
	}

}
