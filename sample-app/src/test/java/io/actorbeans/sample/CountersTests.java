package io.actorbeans.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import io.actorbeans.ActorSystem;
import io.actorbeans.boot.ActorBeans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of the counters, one prototype actor per id, over HTTP.
 */
@ServiceTest
class CountersTests {

	private static final Pattern VALUE = Pattern.compile("\"value\":(\\d+)");

	@Autowired
	private RestTestClient client;

	@Autowired
	private ActorSystem actorSystem;

	@Autowired
	private ActorBeans actorBeans;

	@LocalServerPort
	private int port;

	@Test
	void firstIncrementActivatesTheCounterEntity() {
		String id = newId();
		assertThat(this.actorSystem.lookup("counter:" + id)).isEmpty();
		increment(id).expectStatus().isOk().expectBody().json("{\"id\":\"" + id + "\",\"value\":1}");
		assertThat(this.actorSystem.lookup("counter:" + id)).isPresent();
		assertThat(this.actorBeans.tagOf("counter:" + id)).isEqualTo("counter");
		increment(id).expectStatus().isOk().expectBody().json("{\"id\":\"" + id + "\",\"value\":2}");
		increment(id).expectStatus().isOk().expectBody().json("{\"id\":\"" + id + "\",\"value\":3}");
		this.client.get()
			.uri("/counters/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"id\":\"" + id + "\",\"value\":3}");
	}

	@Test
	void countersAreIndependent() {
		String first = newId();
		String second = newId();
		increment(first).expectStatus().isOk();
		increment(first).expectStatus().isOk();
		increment(second).expectStatus().isOk().expectBody().json("{\"value\":1}");
		this.client.get().uri("/counters/{id}", first).exchange().expectBody().json("{\"value\":2}");
	}

	@Test
	void deleteStopsTheCounterEntity() {
		String id = newId();
		increment(id).expectStatus().isOk();
		increment(id).expectStatus().isOk();
		this.client.delete().uri("/counters/{id}", id).exchange().expectStatus().isNoContent().expectBody().isEmpty();
		assertThat(this.actorSystem.lookup("counter:" + id)).isEmpty();
		this.client.get()
			.uri("/counters/{id}", id)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("No counter '" + id + "'; POST /counters/" + id + "/increment creates it");
		increment(id).expectStatus().isOk().expectBody().json("{\"value\":1}");
	}

	@Test
	void unknownCounterIsNotFound() {
		String id = newId();
		this.client.get().uri("/counters/{id}", id).exchange().expectStatus().isNotFound();
		this.client.delete()
			.uri("/counters/{id}", id)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("No counter '" + id + "'; POST /counters/" + id + "/increment creates it");
		increment(id).expectStatus().isOk().expectBody().json("{\"value\":1}");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "a b", "dot.ted", "é", "x12345678901234567890123456789012345678901234567890123456789012345" })
	void invalidIdIsBadRequestNamingIt(String id) {
		for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.GET, HttpMethod.DELETE)) {
			String path = (method == HttpMethod.POST) ? "/counters/{id}/increment" : "/counters/{id}";
			this.client.method(method)
				.uri(path, id)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.detail")
				.isEqualTo("id: must be 1 to 64 letters, digits, '-' or '_', got '" + id + "'");
		}
	}

	@Test
	void concurrentIncrementsOfANewCounterAreEachCountedOnce() throws Exception {
		String id = newId();
		int threads = 8;
		int perThread = 50;
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/counters/" + id + "/increment"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.timeout(Duration.ofSeconds(10))
			.build();
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<List<Long>>> results = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				results.add(executor.submit(() -> {
					List<Long> values = new ArrayList<>();
					for (int i = 0; i < perThread; i++) {
						HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
						assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
						Matcher matcher = VALUE.matcher(response.body());
						assertThat(matcher.find()).as(response.body()).isTrue();
						values.add(Long.parseLong(matcher.group(1)));
					}
					return values;
				}));
			}
			List<Long> all = new ArrayList<>();
			for (Future<List<Long>> result : results) {
				all.addAll(result.get());
			}
			long total = (long) threads * perThread;
			assertThat(all).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
			this.client.get().uri("/counters/{id}", id).exchange().expectBody().json("{\"value\":" + total + "}");
		}
		finally {
			executor.shutdownNow();
		}
	}

	private RestTestClient.ResponseSpec increment(String id) {
		return this.client.post().uri("/counters/{id}/increment", id).exchange();
	}

	private static String newId() {
		return "c-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
