package io.actorbeans.boot.lifecycle;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.actorbeans.ActorSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests many HTTP clients at once calling actors through the Bridge: every answer goes to
 * the request that asked for it.
 */
@SpringBootTest(classes = LifecycleTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.banner-mode=off")
@Timeout(120)
class ConcurrentRequestsTests {

	private static final int CLIENTS = 16;

	private static final int REQUESTS_PER_CLIENT = 200;

	@LocalServerPort
	private int port;

	@Autowired
	private ActorSystem actorSystem;

	@Test
	void concurrentClientsEachGetTheirOwnAnswers() throws Exception {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		try {
			List<Future<List<String>>> results = new ArrayList<>();
			for (int client = 0; client < CLIENTS; client++) {
				int id = client;
				results.add(clients.submit(() -> run(http, id)));
			}
			for (Future<List<String>> result : results) {
				assertThat(result.get(90, TimeUnit.SECONDS)).isEmpty();
			}
		}
		finally {
			clients.shutdownNow();
		}
		long processed = this.actorSystem.actors()
			.stream()
			.filter((actor) -> actor.name().startsWith("squarer-"))
			.mapToLong((actor) -> actor.processed())
			.sum();
		assertThat(processed).isGreaterThanOrEqualTo((long) CLIENTS * REQUESTS_PER_CLIENT);
	}

	private List<String> run(HttpClient http, int client) throws Exception {
		List<String> wrong = new ArrayList<>();
		for (int seq = 0; seq < REQUESTS_PER_CLIENT; seq++) {
			long value = client * 1_000_003L + seq;
			URI uri = URI.create(
					"http://localhost:" + this.port + "/square?client=" + client + "&seq=" + seq + "&value=" + value);
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
			String expected = client + ":" + seq + ":" + (value * value);
			if (response.statusCode() != 200 || !expected.equals(response.body())) {
				wrong
					.add(uri + " -> " + response.statusCode() + " " + response.body() + " (expected " + expected + ")");
			}
		}
		return wrong;
	}

}
