package io.actorbeans.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bounded load test over loopback: 16 client threads send 2,000 mixed requests each
 * (after a shorter warm-up round), every one of which must get the answer it expects (no
 * 5xx at all); afterwards every accepted task is in the warehouses and every increment in
 * its counter. It prints the throughput and the latency percentiles.
 */
@ServiceTest
class LoadTests {

	private static final int THREADS = 16;

	private static final int REQUESTS_PER_THREAD = 2_000;

	private static final int WARM_UP_REQUESTS_PER_THREAD = 250;

	private static final int COUNTERS = 8;

	private static final int VALUES_PER_TASK = 4;

	private static final Pattern COUNTER_VALUE = Pattern.compile("\"value\":(\\d+)");

	private static final ParameterizedTypeReference<List<Integer>> INVENTORY = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private RestTestClient client;

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final AtomicLong nextValue = new AtomicLong();

	private final Queue<Integer> expectedPositives = new ConcurrentLinkedQueue<>();

	private final Queue<Integer> expectedNegatives = new ConcurrentLinkedQueue<>();

	private final Map<String, Queue<Long>> counterValues = new ConcurrentHashMap<>();

	private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

	private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();

	@Test
	@Timeout(180)
	void mixedLoadGetsNoServerErrorAndLosesNothing() throws Exception {
		List<Integer> positivesBefore = inventory("positives");
		List<Integer> negativesBefore = inventory("negatives");
		round(WARM_UP_REQUESTS_PER_THREAD);
		this.statuses.clear();
		Histogram latencies = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
		long start = System.nanoTime();
		for (Histogram histogram : round(REQUESTS_PER_THREAD)) {
			latencies.add(histogram);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long requests = (long) THREADS * REQUESTS_PER_THREAD;
		System.out.printf(
				"Load test: %d requests (%d threads x %d) in %.2f s: %.0f requests/s; "
						+ "latency p50 %.2f ms, p99 %.2f ms, max %.2f ms; statuses %s%n",
				requests, THREADS, REQUESTS_PER_THREAD, seconds, requests / seconds,
				millis(latencies.getValueAtPercentile(50)), millis(latencies.getValueAtPercentile(99)),
				millis(latencies.getMaxValue()), new TreeMap<>(this.statuses));

		assertThat(this.unexpected).as("requests that did not get the answer they expect").isEmpty();
		assertThat(this.statuses.keySet()).as("statuses").allMatch((status) -> status < 500);
		assertThat(latencies.getTotalCount()).isEqualTo(requests);
		assertTasksAreAllInTheWarehouses(positivesBefore, negativesBefore);
		assertIncrementsAreAllCounted();
	}

	private void assertTasksAreAllInTheWarehouses(List<Integer> positivesBefore, List<Integer> negativesBefore) {
		int positives = positivesBefore.size() + this.expectedPositives.size();
		int negatives = negativesBefore.size() + this.expectedNegatives.size();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> inventory("positives").size() >= positives && inventory("negatives").size() >= negatives);
		assertArrived(inventory("positives"), positivesBefore, this.expectedPositives);
		assertArrived(inventory("negatives"), negativesBefore, this.expectedNegatives);
	}

	private static void assertArrived(List<Integer> after, List<Integer> before, Queue<Integer> expected) {
		assertThat(after.subList(0, before.size())).isEqualTo(before);
		assertThat(after.subList(before.size(), after.size())).containsExactlyInAnyOrderElementsOf(expected);
	}

	private void assertIncrementsAreAllCounted() {
		assertThat(this.counterValues).isNotEmpty();
		this.counterValues.forEach((id, values) -> {
			assertThat(values).as(id)
				.containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, values.size()).boxed().toList());
			this.client.get()
				.uri("/counters/{id}", id)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.json("{\"value\":" + values.size() + "}");
		});
	}

	private List<Histogram> round(int requestsPerThread) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<Histogram>> results = new ArrayList<>();
			for (int thread = 0; thread < THREADS; thread++) {
				long seed = thread * 31L + requestsPerThread;
				results.add(executor.submit(() -> client(new SplittableRandom(seed), requestsPerThread)));
			}
			List<Histogram> histograms = new ArrayList<>();
			for (Future<Histogram> result : results) {
				histograms.add(result.get());
			}
			return histograms;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private Histogram client(SplittableRandom random, int requests) throws Exception {
		Histogram latencies = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
		for (int i = 0; i < requests; i++) {
			int roll = random.nextInt(100);
			String counter = "load-" + this.run + "-" + random.nextInt(COUNTERS);
			long start = System.nanoTime();
			if (roll < 40) {
				List<Integer> values = taskValues();
				String body = "{\"values\":" + values + "}";
				expect(send("POST", "/tasks", body), Set.of(202));
				for (int value : values) {
					((value >= 0) ? this.expectedPositives : this.expectedNegatives).add(value * 2);
				}
			}
			else if (roll < 70) {
				HttpResponse<String> response = expect(send("POST", "/counters/" + counter + "/increment", null),
						Set.of(200));
				Matcher value = COUNTER_VALUE.matcher(response.body());
				if (value.find()) {
					this.counterValues.computeIfAbsent(counter, (id) -> new ConcurrentLinkedQueue<>())
						.add(Long.parseLong(value.group(1)));
				}
			}
			else if (roll < 85) {
				expect(send("GET", "/counters/" + counter, null), Set.of(200, 404));
			}
			else if (roll < 90) {
				String warehouse = random.nextBoolean() ? "positives" : "negatives";
				expect(send("GET", "/warehouses/" + warehouse + "/inventory", null), Set.of(200));
			}
			else if (roll < 93) {
				expect(send("GET", "/warehouses", null), Set.of(200));
			}
			else if (roll < 95) {
				expect(send("POST", "/ping-pong?millis=1", null), Set.of(200));
			}
			else {
				expect(send("GET", "/actuator/health", null), Set.of(200));
			}
			latencies.recordValue(System.nanoTime() - start);
		}
		return latencies;
	}

	private List<Integer> taskValues() {
		List<Integer> values = new ArrayList<>(VALUES_PER_TASK);
		for (int k = 0; k < VALUES_PER_TASK; k++) {
			int value = (int) this.nextValue.incrementAndGet();
			values.add((k % 2 == 0) ? value : -value);
		}
		return values;
	}

	private HttpResponse<String> send(String method, String path, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30));
		if (json != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> expect(HttpResponse<String> response, Set<Integer> statuses) {
		this.statuses.computeIfAbsent(response.statusCode(), (status) -> new LongAdder()).increment();
		if (!statuses.contains(response.statusCode())) {
			this.unexpected.add(response.request().method() + " " + response.request().uri() + " -> "
					+ response.statusCode() + " " + response.body());
		}
		return response;
	}

	private List<Integer> inventory(String warehouse) {
		return this.client.get()
			.uri("/warehouses/{name}/inventory", warehouse)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(INVENTORY)
			.returnResult()
			.getResponseBody();
	}

	private static double millis(long nanos) {
		return nanos / 1e6;
	}

}
