package io.actorbeans.boot.actuate;

import java.time.Duration;

import io.actorbeans.ActorSystem;
import io.actorbeans.Bridge;
import io.actorbeans.boot.actuate.TestActors.ActorsConfiguration;
import io.actorbeans.boot.actuate.TestActors.Work;
import io.actorbeans.boot.autoconfigure.ActorAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the actuator auto-configurations of the starter in an application without
 * actuator, health or Micrometer: they are filtered out by their class conditions, as in
 * an application, before any of their classes is loaded.
 */
@Timeout(30)
class ActorsActuateWithoutActuatorTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(ImportConfiguration.class, ActorsConfiguration.class)
		.withPropertyValues("actorbeans.shutdown.timeout=1s", "management.endpoints.web.exposure.include=*")
		.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate", "org.springframework.boot.health",
				"io.micrometer"));

	@Test
	void actorsWhenActuatorHealthAndMicrometerAreMissingShouldWorkWithoutActuateBeans() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ActorsHealthIndicator.class)
				.doesNotHaveBean(ActorsEndpoint.class)
				.doesNotHaveBean(ActorsEndpointWebExtension.class)
				.doesNotHaveBean(ActorSystemMetrics.class);
			ActorSystem system = context.getBean(ActorSystem.class);
			String reply = context.getBean(Bridge.class)
				.call(system.lookup("worker").orElseThrow(), Work.OK, Duration.ofSeconds(5));
			assertThat(reply).isEqualTo("done");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ActorAutoConfiguration.class, ActorsHealthContributorAutoConfiguration.class,
			ActorsEndpointAutoConfiguration.class, ActorsMetricsAutoConfiguration.class })
	static class ImportConfiguration {

	}

}
