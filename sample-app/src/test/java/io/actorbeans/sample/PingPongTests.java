package io.actorbeans.sample;

import java.time.Duration;

import io.actorbeans.ActorInfo;
import io.actorbeans.ActorSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end tests of {@code POST /ping-pong}, over HTTP.
 */
@ServiceTest
class PingPongTests {

	@Autowired
	private RestTestClient client;

	@Autowired
	private ActorSystem actorSystem;

	@Test
	void playersBounceTheBallForTheTimeAskedThenStop() {
		long start = System.nanoTime();
		Rally rally = this.client.post()
			.uri("/ping-pong?millis=300")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Rally.class)
			.returnResult()
			.getResponseBody();
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(rally.exchanges()).isPositive();
		assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		await().atMost(Duration.ofSeconds(10)).until(() -> playersLive() == 0);
	}

	@Test
	void shortestRallyIsOneMillisecond() {
		this.client.post()
			.uri("/ping-pong?millis=1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.exchanges")
			.isNumber();
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, 5001, 1_000_000 })
	void millisOutOfRangeIsBadRequest(int millis) {
		badRequest("/ping-pong?millis=" + millis, "millis: must be between 1 and 5000, got '" + millis + "'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "1.5", "99999999999" })
	void millisNotAnIntegerIsBadRequest(String millis) {
		badRequest("/ping-pong?millis=" + millis, "millis: expected an integer, got '" + millis + "'");
	}

	@Test
	void missingMillisIsBadRequest() {
		badRequest("/ping-pong", "Required parameter 'millis' is not present.");
	}

	private void badRequest(String uri, String detail) {
		RestTestClient.BodyContentSpec body = this.client.post()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody();
		body.jsonPath("$.detail").isEqualTo(detail).jsonPath("$.instance").isEqualTo("/ping-pong");
	}

	private long playersLive() {
		return this.actorSystem.actors()
			.stream()
			.map(ActorInfo::name)
			.filter((name) -> name.startsWith("ping-") || name.startsWith("pong-"))
			.count();
	}

	record Rally(long exchanges) {
	}

}
