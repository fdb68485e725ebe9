package io.actorbeans.sample;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.Handles;
import io.actorbeans.Stop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end tests of Bridge timeouts, over HTTP. The shared dispatcher has one thread
 * here, and a test actor holds it, so that the service's actors cannot reply in time.
 */
@ServiceTest
@TestPropertySource(
		properties = { "actorbeans.dispatcher.shared-pool-size=1", "actorbeans.bridge.default-timeout=300ms" })
@DirtiesContext
class BridgeTimeoutTests {

	@Autowired
	private RestTestClient client;

	@Autowired
	private ActorSystem actorSystem;

	private final Hog hog = new Hog();

	private ActorRef hogRef;

	@BeforeEach
	void holdTheOnlySharedThread() throws InterruptedException {
		this.hogRef = this.actorSystem.spawn("hog-" + UUID.randomUUID(), this.hog);
		this.hogRef.send("hold");
		assertThat(this.hog.holding.await(10, TimeUnit.SECONDS)).as("the hog holds the thread").isTrue();
	}

	@AfterEach
	void releaseIt() {
		this.hog.released = true;
		this.hogRef.send(new Stop());
	}

	@Test
	void lateWarehouseIsGatewayTimeoutNamingIt() {
		gatewayTimeout(this.client.get().uri("/warehouses/positives/inventory"), "positives");
	}

	@Test
	void lateWarehouseInTheMultiCallIsGatewayTimeoutNamingIt() {
		gatewayTimeout(this.client.get().uri("/warehouses"), "positives");
	}

	@Test
	void lateCounterIsGatewayTimeoutNamingIt() {
		gatewayTimeout(this.client.post().uri("/counters/slow/increment"), "counter/slow");
	}

	@Test
	void lateRallyIsGatewayTimeoutNamingTheServingPlayer() {
		this.client.post()
			.uri("/ping-pong?millis=1")
			.exchange()
			.expectStatus()
			.isEqualTo(504)
			.expectBody()
			.jsonPath("$.actor")
			.value(String.class, (actor) -> assertThat(actor).startsWith("ping-"));
	}

	@Test
	void serviceRecoversOnceTheThreadIsFree() {
		this.client.post()
			.uri("/tasks")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"values\":[8]}")
			.exchange()
			.expectStatus()
			.isAccepted();
		gatewayTimeout(this.client.get().uri("/warehouses/positives/inventory"), "positives");
		this.hog.released = true;
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.client.get()
				.uri("/warehouses/positives/inventory")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.json("[16]"));
	}

	private void gatewayTimeout(RestTestClient.RequestHeadersSpec<?> request, String actor) {
		long start = System.nanoTime();
		request.exchange()
			.expectStatus()
			.isEqualTo(504)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Gateway Timeout")
			.jsonPath("$.actor")
			.isEqualTo(actor)
			.jsonPath("$.detail")
			.isEqualTo("Actor '" + actor + "' did not reply in time");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	/** Holds the thread that runs it until released. */
	static class Hog {

		final CountDownLatch holding = new CountDownLatch(1);

		volatile boolean released;

		@Handles
		void hold(String message) throws InterruptedException {
			this.holding.countDown();
			// Sleeps rather than blocks on a lock, so that the pool starts no thread in
			// its place.
			while (!this.released) {
				Thread.sleep(10);
			}
		}

	}

}
