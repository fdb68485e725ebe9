package io.actorbeans.boot.actuate;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.actorbeans.ActorSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.event.EventListener;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests over HTTP of what an operational stop tells the platform: with {@code actors} in
 * the readiness group, as the README advises, the readiness probe refuses traffic once a
 * singleton actor bean is stopped; stopping every actor first makes the application
 * refuse traffic.
 */
@SpringBootTest(classes = { ActuatorTestApplication.class, ActorsReadinessIntegrationTests.ReadinessRecorder.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,actors",
				"management.endpoint.actors.access=unrestricted", "management.endpoint.health.show-details=always",
				"management.endpoint.health.group.readiness.include=readinessState,actors",
				"actorbeans.shutdown.timeout=1s" })
@AutoConfigureRestTestClient
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@Timeout(60)
class ActorsReadinessIntegrationTests {

	@Autowired
	private RestTestClient client;

	@Autowired
	private ReadinessRecorder recorder;

	@Test
	void stopAllShouldRefuseTrafficBeforeStoppingTheActors() {
		this.client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		this.client.delete().uri("/actuator/actors").exchange().expectStatus().isOk();
		assertThat(this.recorder.liveActorsWhenRefusingTraffic).as("live actors when traffic was refused")
			.containsExactly(2);
		this.client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("OUT_OF_SERVICE")
			.jsonPath("$.components.readinessState.status")
			.isEqualTo("OUT_OF_SERVICE")
			.jsonPath("$.components.actors.details.stopped")
			.isEqualTo(List.of("clerk", "greeter"));
	}

	@Test
	void stoppedSingletonActorShouldTakeTheInstanceOutOfTheReadinessGroup() {
		this.client.delete().uri("/actuator/actors/greeter").exchange().expectStatus().isOk();
		this.client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("OUT_OF_SERVICE")
			.jsonPath("$.components.readinessState.status")
			.isEqualTo("UP")
			.jsonPath("$.components.actors.status")
			.isEqualTo("OUT_OF_SERVICE")
			.jsonPath("$.components.actors.details.stopped")
			.isEqualTo(List.of("greeter"));
		assertThat(this.recorder.liveActorsWhenRefusingTraffic).isEmpty();
	}

	/**
	 * Records how many actors were live each time the application began to refuse
	 * traffic.
	 */
	static class ReadinessRecorder {

		private final ActorSystem actorSystem;

		final List<Integer> liveActorsWhenRefusingTraffic = new CopyOnWriteArrayList<>();

		ReadinessRecorder(ActorSystem actorSystem) {
			this.actorSystem = actorSystem;
		}

		@EventListener
		void onReadiness(AvailabilityChangeEvent<ReadinessState> event) {
			if (event.getState() == ReadinessState.REFUSING_TRAFFIC) {
				this.liveActorsWhenRefusingTraffic.add(this.actorSystem.actors().size());
			}
		}

	}

}
