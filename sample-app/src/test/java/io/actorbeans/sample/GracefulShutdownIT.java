package io.actorbeans.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the packaged service as a process, as the README does, loads it, sends it
 * SIGTERM with requests in flight, and checks that they complete, that the actors are
 * drained afterwards with one summary line, and that the process exits in time with the
 * JVM's status for SIGTERM (128 + 15).
 */
@Timeout(180)
class GracefulShutdownIT {

	private static final int SIGTERM_STATUS = 128 + 15;

	private static final Duration STARTUP = Duration.ofSeconds(90);

	/** The web server's drain (20 s), then the actors' (10 s), with some slack. */
	private static final Duration SHUTDOWN = Duration.ofSeconds(40);

	private static final int RALLIES = 4;

	/** The longest rally the service plays. */
	private static final Duration RALLY = Duration.ofSeconds(5);

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private static final Pattern PASSWORD = Pattern.compile("Using generated password for the ops user 'ops': (\\S+)");

	private static final Pattern SUMMARY = Pattern
		.compile("Actor system 'actorbeans-sample' shut down in \\d+ ms: (\\d+) actors stopped, (\\d+) dead letters");

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final Path log = Path.of(System.getProperty("sample.jar", "target/sample-app.jar"))
		.resolveSibling("graceful-shutdown-it.log");

	private Process service;

	@AfterEach
	void stopTheService() {
		if (this.service != null && this.service.isAlive()) {
			this.service.destroyForcibly();
		}
	}

	@Test
	void sigtermFinishesRequestsInFlightThenDrainsTheActorsAndExits() throws Exception {
		start();
		String log = awaitLog("Started SampleApplication", STARTUP);
		String base = "http://localhost:" + find(PORT, log);
		String ops = "Basic "
				+ Base64.getEncoder().encodeToString(("ops:" + find(PASSWORD, log)).getBytes(StandardCharsets.UTF_8));

		assertThat(send("POST", base + "/tasks", "{\"values\":[1,2,3,-2,-4,-6]}", null).body())
			.isEqualTo("{\"accepted\":6}");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> send("GET", base + "/warehouses", null, null).body(),
					(body) -> body.equals("{\"positives\":[2,4,6],\"negatives\":[-4,-8,-12]}"));
		for (int i = 0; i < 100; i++) {
			assertThat(send("POST", base + "/counters/c" + (i % 5) + "/increment", null, null).statusCode())
				.isEqualTo(200);
			assertThat(send("POST", base + "/tasks", "{\"values\":[" + i + ",-" + i + "]}", null).statusCode())
				.isEqualTo(202);
		}

		// the actors endpoint's first call is slow in a cold JVM: made before the rallies
		assertThat(send("GET", base + "/actuator/actors", null, ops).statusCode()).isEqualTo(200);
		List<CompletableFuture<HttpResponse<String>>> rallies = new ArrayList<>();
		for (int i = 0; i < RALLIES; i++) {
			rallies.add(sendAsync("POST", base + "/ping-pong?millis=" + RALLY.toMillis()));
		}
		// Graceful shutdown finishes the requests the server has begun and refuses the
		// rest, so SIGTERM waits until the last rally (the players are numbered as the
		// requests arrive) is playing. On a loaded machine the first may be over by then;
		// those in flight must finish like the others.
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> send("GET", base + "/actuator/actors/ping-" + RALLIES, null, ops).statusCode(),
					(status) -> status == 200);
		long inFlight = rallies.stream().filter((rally) -> !rally.isDone()).count();
		long sigterm = System.nanoTime();
		this.service.destroy();
		assertThat(inFlight).as("rallies in flight at SIGTERM").isPositive();

		for (CompletableFuture<HttpResponse<String>> rally : rallies) {
			HttpResponse<String> response = rally.get(30, TimeUnit.SECONDS);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(response.body()).matches("\\{\"exchanges\":[1-9]\\d*}");
		}
		assertThat(this.service.waitFor(SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS)).as("exited in time").isTrue();
		Duration shutdown = Duration.ofNanos(System.nanoTime() - sigterm);
		assertThat(this.service.exitValue()).isEqualTo(SIGTERM_STATUS);
		assertThat(shutdown).isLessThan(SHUTDOWN);

		String output = Files.readString(this.log);
		int drainStarts = output.indexOf("Commencing graceful shutdown");
		int drainEnds = output.indexOf("Graceful shutdown complete");
		Matcher summary = SUMMARY.matcher(output);
		assertThat(drainStarts).as("graceful shutdown of the web server").isPositive();
		assertThat(drainEnds).as("requests drained").isGreaterThan(drainStarts);
		assertThat(summary.find()).as("summary line in:%n%s", output).isTrue();
		assertThat(summary.start()).as("actors drained after the requests").isGreaterThan(drainEnds);
		// worker, positives, negatives and five counters; the players have stopped
		// already
		assertThat(Integer.parseInt(summary.group(1))).isEqualTo(8);
		assertThat(summary.find()).as("one summary line").isFalse();
		assertThat(output).doesNotContain("could not stop").doesNotContain("ERROR");
	}

	private void start() throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String jar = System.getProperty("sample.jar", "target/sample-app.jar");
		this.service = new ProcessBuilder(java, "-jar", jar, "--server.port=0").redirectErrorStream(true)
			.redirectOutput(this.log.toFile())
			.start();
	}

	private String awaitLog(String text, Duration timeout) {
		return await().atMost(timeout).until(() -> {
			assertThat(this.service.isAlive()).as("the service is running:%n%s", Files.readString(this.log)).isTrue();
			return Files.readString(this.log);
		}, (output) -> output.contains(text));
	}

	private HttpResponse<String> send(String method, String uri, String json, String authorization)
			throws IOException, InterruptedException {
		return this.http.send(request(method, uri, json, authorization), HttpResponse.BodyHandlers.ofString());
	}

	private CompletableFuture<HttpResponse<String>> sendAsync(String method, String uri) {
		return this.http.sendAsync(request(method, uri, null, null), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest request(String method, String uri, String json, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (json != null) {
			return request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json))
				.build();
		}
		return request.method(method, HttpRequest.BodyPublishers.noBody()).build();
	}

	private static String find(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as("%s in:%n%s", pattern, text).isTrue();
		return matcher.group(1);
	}

}
