package io.actorbeans.boot.actuate;

import java.time.Duration;
import java.time.Instant;

import io.actorbeans.ActorRef;
import io.actorbeans.Bridge;
import io.actorbeans.boot.actuate.TestActors.Work;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of the {@code actors} endpoint over HTTP, exposed with its default read-only
 * access, and of the actor metrics.
 */
@SpringBootTest(classes = ActuatorTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,actors,metrics",
				"actorbeans.shutdown.timeout=1s" })
@AutoConfigureRestTestClient
@Timeout(60)
class ActorsEndpointReadOnlyIntegrationTests {

	@Autowired
	private RestTestClient client;

	@Autowired
	private Bridge bridge;

	@Autowired
	@Qualifier("clerk")
	private ActorRef clerk;

	@Test
	void listShouldDescribeEveryActor() {
		this.client.get()
			.uri("/actuator/actors")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.actors.length()")
			.isEqualTo(2)
			.jsonPath("$.actors[0].name")
			.isEqualTo("clerk")
			.jsonPath("$.actors[1].name")
			.isEqualTo("greeter")
			.jsonPath("$.actors[1].state")
			.isEqualTo("RUNNING")
			.jsonPath("$.actors[1].dispatcher")
			.isEqualTo("SHARED")
			.jsonPath("$.actors[1].mailboxSize")
			.isEqualTo(0)
			.jsonPath("$.actors[1].processed")
			.isNumber()
			.jsonPath("$.actors[1].failures")
			.isEqualTo(0)
			.jsonPath("$.actors[1].lastActivity")
			.isNotEmpty()
			.jsonPath("$.actors[1].processingTime")
			.exists()
			.jsonPath("$.actors[1].tag")
			.isEqualTo("greeter")
			.jsonPath("$.actors[1].parent")
			.doesNotExist()
			.jsonPath("$.deadLetters")
			.isNumber();
	}

	@Test
	void oneShouldDescribeTheActor() {
		this.client.get()
			.uri("/actuator/actors/greeter")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("greeter")
			.jsonPath("$.tag")
			.isEqualTo("greeter")
			.jsonPath("$.state")
			.isEqualTo("RUNNING")
			.jsonPath("$.lastActivity")
			.value(String.class, (instant) -> assertThat(Instant.parse(instant)).isBefore(Instant.now()))
			.jsonPath("$.processingTime")
			.value(String.class,
					(duration) -> assertThat(Duration.parse(duration)).isGreaterThanOrEqualTo(Duration.ZERO));
	}

	@Test
	void oneWhenUnknownShouldBeNotFound() {
		this.client.get().uri("/actuator/actors/nobody").exchange().expectStatus().isNotFound();
	}

	@Test
	void stopShouldNotBeAllowedWithReadOnlyAccess() {
		this.client.delete().uri("/actuator/actors/greeter").exchange().expectStatus().isEqualTo(405);
		this.client.delete().uri("/actuator/actors").exchange().expectStatus().isEqualTo(405);
		this.client.get().uri("/actuator/actors/greeter").exchange().expectStatus().isOk();
	}

	@Test
	void processedMetricShouldCountTheActorsMessages() {
		for (int i = 0; i < 3; i++) {
			this.bridge.call(this.clerk, Work.OK, Duration.ofSeconds(5));
		}
		this.client.get()
			.uri("/actuator/metrics/actors.messages.processed")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.description")
			.isNotEmpty()
			.jsonPath("$.baseUnit")
			.isEqualTo("messages")
			.jsonPath("$.availableTags[?(@.tag == 'actor')].values[*]")
			.value((values) -> assertThat(values.toString()).contains("clerk", "greeter", "other"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.client.get()
				.uri("/actuator/metrics/actors.messages.processed?tag=actor:clerk")
				.accept(MediaType.APPLICATION_JSON)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.measurements[0].statistic")
				.isEqualTo("COUNT")
				.jsonPath("$.measurements[0].value")
				.isEqualTo(3.0));
	}

}
