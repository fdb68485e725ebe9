package io.actorbeans.sample;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end tests of stopping actors through actuator, over HTTP: what the service
 * answers once an actor it calls has stopped. The tests run in order, each stopping more
 * of the service, in a context of their own that is closed afterwards.
 */
@ServiceTest
@TestPropertySource(properties = "spring.application.name=actor-stop-tests")
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ActorStopTests {

	@Autowired
	private RestTestClient client;

	@Test
	@Order(1)
	void stoppedWarehouseAnswersServiceUnavailableAtOnceWhileTheOtherWorks() {
		asOps(HttpMethod.DELETE, "/actuator/actors/positives").expectStatus()
			.isOk()
			.expectBody()
			.json("{\"name\":\"positives\",\"outcome\":\"STOPPED\"}");
		long start = System.nanoTime();
		this.client.get()
			.uri("/warehouses/positives/inventory")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.json("""
					{"status": 503, "title": "Service Unavailable", "actor": "positives",
					 "detail": "Actor 'positives' has stopped", "instance": "/warehouses/positives/inventory"}
					""");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no wait for the Bridge timeout")
			.isLessThan(Duration.ofSeconds(2));
		this.client.get().uri("/warehouses/negatives/inventory").exchange().expectStatus().isOk();
		this.client.get()
			.uri("/warehouses")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.json("{\"actor\": \"positives\", \"detail\": \"Actor 'positives' has stopped\"}");
		postTasks("{\"values\":[-50]}").expectStatus().isAccepted();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.client.get()
				.uri("/warehouses/negatives/inventory")
				.exchange()
				.expectBody(new ParameterizedTypeReference<List<Integer>>() {
				})
				.returnResult()
				.getResponseBody()).contains(-100));
		asOps(HttpMethod.GET, "/actuator/actors/positives").expectStatus().isNotFound();
	}

	@Test
	@Order(2)
	void stoppedWarehouseTakesTheServiceOutOfService() {
		asOps(HttpMethod.GET, "/actuator/health").expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.components.actors.status")
			.isEqualTo("OUT_OF_SERVICE")
			.jsonPath("$.components.actors.details.stopped")
			.isEqualTo(List.of("positives"));
		this.client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.components.actors.status")
			.isEqualTo("OUT_OF_SERVICE")
			.jsonPath("$.components.readinessState.status")
			.isEqualTo("UP");
		this.client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
	}

	@Test
	@Order(3)
	void stoppedWorkerRefusesTasks() {
		asOps(HttpMethod.DELETE, "/actuator/actors/worker").expectStatus().isOk();
		postTasks("{\"values\":[1]}").expectStatus()
			.isEqualTo(503)
			.expectBody()
			.json("{\"actor\": \"worker\", \"detail\": \"Actor 'worker' has stopped\"}");
	}

	@Test
	@Order(4)
	void stopAllRefusesTrafficStopsEveryActorAndCountersStartAfresh() {
		this.client.post().uri("/counters/survivor/increment").exchange().expectStatus().isOk();
		asOps(HttpMethod.DELETE, "/actuator/actors").expectStatus().isOk().expectBody().json("""
				{"actors": [
					{"name": "counter:survivor", "outcome": "STOPPED"},
					{"name": "negatives", "outcome": "STOPPED"}
				]}
				""");
		this.client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.components.readinessState.status")
			.isEqualTo("OUT_OF_SERVICE");
		this.client.get()
			.uri("/warehouses/negatives/inventory")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.actor")
			.isEqualTo("negatives");
		this.client.get().uri("/counters/survivor").exchange().expectStatus().isNotFound();
		this.client.post()
			.uri("/counters/survivor/increment")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"value\":1}");
	}

	private RestTestClient.ResponseSpec postTasks(String body) {
		return this.client.post().uri("/tasks").contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	private RestTestClient.ResponseSpec asOps(HttpMethod method, String path) {
		return this.client.method(method)
			.uri(path)
			.headers((headers) -> headers.setBasicAuth(ServiceTest.OPS_USERNAME, ServiceTest.OPS_PASSWORD))
			.exchange();
	}

}
