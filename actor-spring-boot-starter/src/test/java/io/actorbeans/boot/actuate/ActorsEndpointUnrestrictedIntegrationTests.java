package io.actorbeans.boot.actuate;

import java.time.Duration;
import java.util.List;

import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.boot.actuate.TestActors.Parent;
import io.actorbeans.boot.actuate.TestActors.SpawnChild;
import io.actorbeans.boot.actuate.TestActors.Worker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the {@code actors} endpoint over HTTP with unrestricted access: stopping
 * actors.
 */
@SpringBootTest(classes = ActuatorTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,actors",
				"management.endpoint.actors.access=unrestricted", "management.endpoint.health.show-details=always",
				"actorbeans.shutdown.timeout=1s" })
@AutoConfigureRestTestClient
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@Timeout(60)
class ActorsEndpointUnrestrictedIntegrationTests {

	@Autowired
	private RestTestClient client;

	@Autowired
	private ActorSystem actorSystem;

	@Test
	void stopShouldStopTheActor() {
		this.client.delete().uri("/actuator/actors/greeter").exchange().expectStatus().isOk().expectBody().json("""
				{"name": "greeter", "outcome": "STOPPED"}
				""");
		this.client.get().uri("/actuator/actors/greeter").exchange().expectStatus().isNotFound();
		assertThat(this.actorSystem.lookup("greeter")).isEmpty();
		this.client.get().uri("/actuator/actors/clerk").exchange().expectStatus().isOk();
	}

	@Test
	void childActorsShouldBeShownAndStoppedByTheirPathName() {
		ActorRef parent = this.actorSystem.spawn("family", new Parent());
		this.actorSystem.bridge().call(parent, new SpawnChild("child"), Duration.ofSeconds(5));
		this.client.get().uri("/actuator/actors/family/child").exchange().expectStatus().isOk().expectBody().json("""
				{"name": "family/child", "parent": "family"}
				""");
		this.client.delete().uri("/actuator/actors/family/child").exchange().expectStatus().isOk().expectBody().json("""
				{"name": "family/child", "outcome": "STOPPED"}
				""");
		this.client.get().uri("/actuator/actors/family/child").exchange().expectStatus().isNotFound();
		this.client.get().uri("/actuator/actors/family").exchange().expectStatus().isOk();
	}

	@Test
	void stopWhenUnknownShouldBeNotFound() {
		this.client.delete().uri("/actuator/actors/nobody").exchange().expectStatus().isNotFound();
	}

	@Test
	void stopWhenUnknownChildShouldBeNotFound() {
		this.actorSystem.spawn("family", new Parent());
		this.client.delete().uri("/actuator/actors/family/nobody").exchange().expectStatus().isNotFound();
		this.client.delete().uri("/actuator/actors/nobody/child").exchange().expectStatus().isNotFound();
		this.client.delete().uri("/actuator/actors/greeter/nobody/deeper").exchange().expectStatus().isNotFound();
		this.client.get().uri("/actuator/actors/family").exchange().expectStatus().isOk();
	}

	@Test
	void stopAllShouldStopEveryActor() {
		this.actorSystem.spawn("plain", new Worker());
		this.client.delete().uri("/actuator/actors").exchange().expectStatus().isOk().expectBody().json("""
				{"actors": [
					{"name": "clerk", "outcome": "STOPPED"},
					{"name": "greeter", "outcome": "STOPPED"},
					{"name": "plain", "outcome": "STOPPED"}
				]}
				""");
		this.client.get()
			.uri("/actuator/actors")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.tags.clerk.actors")
			.isEqualTo(0)
			.jsonPath("$.tags.greeter.actors")
			.isEqualTo(0)
			.jsonPath("$.tags.other.actors")
			.isEqualTo(0);
	}

	@Test
	void healthShouldBeOutOfServiceOnceASingletonActorIsStopped() {
		this.client.get().uri("/actuator/health").exchange().expectStatus().isOk();
		this.client.delete().uri("/actuator/actors/greeter").exchange().expectStatus().isOk();
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.components.actors.status")
			.isEqualTo("OUT_OF_SERVICE")
			.jsonPath("$.components.actors.details.stopped")
			.isEqualTo(List.of("greeter"))
			.jsonPath("$.components.actors.details.stoppedCount")
			.isEqualTo(1)
			.jsonPath("$.components.actors.details.failed")
			.isEmpty();
	}

	@Test
	void healthShouldStayUpOnceAnActorThatNoBeanMadeIsStopped() {
		this.actorSystem.spawn("plain", new Worker());
		this.client.delete().uri("/actuator/actors/plain").exchange().expectStatus().isOk();
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.actors.status")
			.isEqualTo("UP");
	}

}
