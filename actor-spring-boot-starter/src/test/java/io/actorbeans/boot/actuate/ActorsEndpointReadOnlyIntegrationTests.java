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
	void listShouldGiveTheTotalsOfEachTag() {
		this.client.get()
			.uri("/actuator/actors")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.tags.length()")
			.isEqualTo(3)
			.jsonPath("$.tags.greeter.actors")
			.isEqualTo(1)
			.jsonPath("$.tags.greeter.mailboxSize")
			.isEqualTo(0)
			.jsonPath("$.tags.greeter.processed")
			.isNumber()
			.jsonPath("$.tags.greeter.failures")
			.isEqualTo(0)
			.jsonPath("$.tags.greeter.processingTime")
			.exists()
			.jsonPath("$.tags.clerk.actors")
			.isEqualTo(1)
			.jsonPath("$.tags.other.actors")
			.isEqualTo(0)
			.jsonPath("$.page")
			.doesNotExist()
			.jsonPath("$.deadLetters")
			.isNumber();
	}

	@Test
	void listWithTagShouldDescribeItsActors() {
		this.client.get()
			.uri("/actuator/actors?tag=greeter&page=0&size=10")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.tags.clerk.actors")
			.isEqualTo(1)
			.jsonPath("$.page.tag")
			.isEqualTo("greeter")
			.jsonPath("$.page.number")
			.isEqualTo(0)
			.jsonPath("$.page.size")
			.isEqualTo(10)
			.jsonPath("$.page.total")
			.isEqualTo(1)
			.jsonPath("$.page.actors.length()")
			.isEqualTo(1)
			.jsonPath("$.page.actors[0].name")
			.isEqualTo("greeter")
			.jsonPath("$.page.actors[0].state")
			.isEqualTo("RUNNING")
			.jsonPath("$.page.actors[0].dispatcher")
			.isEqualTo("SHARED")
			.jsonPath("$.page.actors[0].mailboxSize")
			.isEqualTo(0)
			.jsonPath("$.page.actors[0].processed")
			.isNumber()
			.jsonPath("$.page.actors[0].failures")
			.isEqualTo(0)
			.jsonPath("$.page.actors[0].lastActivity")
			.isNotEmpty()
			.jsonPath("$.page.actors[0].processingTime")
			.exists()
			.jsonPath("$.page.actors[0].tag")
			.isEqualTo("greeter")
			.jsonPath("$.page.actors[0].parent")
			.doesNotExist();
	}

	@Test
	void listWithSizeAboveTheMaximumShouldBeBadRequest() {
		this.client.get().uri("/actuator/actors?tag=greeter&size=1001").exchange().expectStatus().isBadRequest();
	}

	@Test
	void listWithUnknownTagShouldBeBadRequest() {
		this.client.get().uri("/actuator/actors?tag=nobody").exchange().expectStatus().isBadRequest();
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
