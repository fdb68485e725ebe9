package io.actorbeans.boot.actuate;

import java.time.Duration;
import java.util.Map;

import io.actorbeans.Bridge;
import io.actorbeans.boot.Entities;
import io.actorbeans.boot.actuate.TestActors.Cart;
import io.actorbeans.boot.actuate.TestActors.Session;
import io.actorbeans.boot.actuate.TestActors.Work;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Tests of the overview of the {@code actors} endpoint over HTTP in an application with
 * entity types and a contributor.
 */
@SpringBootTest(classes = ActorsEndpointEntitiesIntegrationTests.EntitiesApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=actors", "actorbeans.shutdown.timeout=1s" })
@AutoConfigureRestTestClient
@Timeout(60)
class ActorsEndpointEntitiesIntegrationTests {

	@Autowired
	private RestTestClient client;

	@Autowired
	private Entities entities;

	@Autowired
	private Bridge bridge;

	@Test
	void overviewShouldCountTheEntitiesOfEachTypeAndGiveTheContributorsDetails() {
		this.bridge.call(this.entities.ref(Cart.class, "a"), Work.OK, Duration.ofSeconds(5));
		this.bridge.call(this.entities.ref(Cart.class, "b"), Work.OK, Duration.ofSeconds(5));
		this.client.get().uri("/actuator/actors").exchange().expectStatus().isOk().expectBody().json("""
				{
					"entities": {"cart": 2, "session": 0},
					"details": {"build": {"version": "1.2.3"}}
				}
				""");
	}

	/**
	 * A web application with entity types "cart" and "session", and a contributor
	 * "build". It scans no components.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ Cart.class, Session.class })
	static class EntitiesApplication {

		@Bean
		ActorsEndpointContributor buildContributor() {
			return new ActorsEndpointContributor() {

				@Override
				public String name() {
					return "build";
				}

				@Override
				public Object describe() {
					return Map.of("version", "1.2.3");
				}

			};
		}

	}

}
