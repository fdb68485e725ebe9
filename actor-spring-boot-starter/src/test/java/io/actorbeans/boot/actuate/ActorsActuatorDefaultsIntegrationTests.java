package io.actorbeans.boot.actuate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Tests of the actuator support over HTTP, with the default management configuration: the
 * health component is shown, the endpoint is not exposed.
 */
@SpringBootTest(classes = ActuatorTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoint.health.show-details=always", "actorbeans.shutdown.timeout=1s" })
@AutoConfigureRestTestClient
@Timeout(60)
class ActorsActuatorDefaultsIntegrationTests {

	@Autowired
	private RestTestClient client;

	@Test
	void healthShouldShowActorsComponentUp() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.actors.status")
			.isEqualTo("UP")
			.jsonPath("$.components.actors.details.actors")
			.isEqualTo(2)
			.jsonPath("$.components.actors.details.running")
			.isEqualTo(2)
			.jsonPath("$.components.actors.details.failed")
			.isEmpty()
			.jsonPath("$.components.actors.details.stalled")
			.isEmpty()
			.jsonPath("$.components.actors.details.shutdown")
			.isEqualTo(false);
	}

	@Test
	void actorsEndpointShouldNotBeExposedByDefault() {
		this.client.get().uri("/actuator/actors").exchange().expectStatus().isNotFound();
		this.client.get().uri("/actuator/actors/greeter").exchange().expectStatus().isNotFound();
		this.client.delete().uri("/actuator/actors/greeter").exchange().expectStatus().isNotFound();
	}

	@Test
	void actuatorLinksShouldNotListActorsEndpointByDefault() {
		this.client.get()
			.uri("/actuator")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$._links.health")
			.exists()
			.jsonPath("$._links.actors")
			.doesNotExist();
	}

}
