package io.actorbeans.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.actorbeans.ActorInfo;
import io.actorbeans.ActorSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end tests of {@code POST /tasks} and the warehouse endpoints, over HTTP. How the
 * worker routes each value is tested on its own, without HTTP or waiting, by
 * {@link io.actorbeans.sample.warehouse.WorkerTests}.
 */
@ServiceTest
class TasksAndWarehousesTests {

	private static final ParameterizedTypeReference<List<Integer>> INVENTORY = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<Map<String, List<Integer>>> INVENTORIES = new ParameterizedTypeReference<>() {
	};

	@Autowired
	private RestTestClient client;

	@Autowired
	private ActorSystem actorSystem;

	@Test
	void tasksAreDoubledIntoTheWarehouseOfTheirSign() {
		List<Integer> positives = inventory("positives");
		List<Integer> negatives = inventory("negatives");
		postTasks("{\"values\":[1,2,3,-2,-4,-6]}").expectStatus().isAccepted().expectBody().json("{\"accepted\":6}");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(inventory("negatives")).isEqualTo(concat(negatives, -4, -8, -12)));
		assertThat(inventory("positives")).isEqualTo(concat(positives, 2, 4, 6));
	}

	@Test
	void noValuesIsNoTasks() {
		postTasks("{\"values\":[]}").expectStatus().isAccepted().expectBody().json("{\"accepted\":0}");
	}

	@Test
	void warehousesGivesEveryInventoryInOneAnswer() {
		postTasks("{\"values\":[21,-21]}").expectStatus().isAccepted();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Map<String, List<Integer>> inventories = this.client.get()
				.uri("/warehouses")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(INVENTORIES)
				.returnResult()
				.getResponseBody();
			assertThat(inventories).containsOnlyKeys("positives", "negatives");
			assertThat(List.copyOf(inventories.keySet())).containsExactly("positives", "negatives");
			assertThat(inventories.get("positives")).contains(42);
			assertThat(inventories.get("negatives")).contains(-42);
		});
	}

	@Test
	void unknownWarehouseIsNotFound() {
		this.client.get()
			.uri("/warehouses/elsewhere/inventory")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.json("""
					{"status": 404, "title": "Not Found", "instance": "/warehouses/elsewhere/inventory",
					 "detail": "No warehouse 'elsewhere'; the warehouses are [positives, negatives]"}
					""");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidBodies")
	void invalidBodyIsBadRequestNamingTheCulprit(String body, String detail) {
		postTasks(body).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo(detail)
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.instance")
			.isEqualTo("/tasks")
			.jsonPath("$.trace")
			.doesNotExist();
	}

	static Stream<Arguments> invalidBodies() {
		return Stream.of(Arguments.of("", "The request body is missing"),
				Arguments.of("{\"values\":",
						"Malformed JSON at line 1, column 11: "
								+ "Unexpected end-of-input within/between Object entries"),
				Arguments.of("{\"values\":[1,2",
						"Malformed JSON at line 1, column 15: Unexpected end-of-input: expected close marker for Array"),
				Arguments.of("{values:[1]}", "Malformed JSON at line 1, column 2: "
						+ "Unexpected character ('v' (code 118)): was expecting double-quote to start property name"),
				Arguments.of("{}", "values: must not be null"),
				Arguments.of("{\"values\":null}", "values: must not be null"),
				Arguments.of("{\"values\":[1,null]}", "values[1]: must not be null"),
				Arguments.of("{\"values\":[1,\"x\"]}", "values[1]: expected an integer, got a string"),
				Arguments.of("{\"values\":[\"3\"]}", "values[0]: expected an integer, got a string"),
				Arguments.of("{\"values\":[1,2,1.5]}", "values[2]: expected an integer, got a decimal number"),
				Arguments.of("{\"values\":[true]}", "values[0]: expected an integer, got a boolean"),
				Arguments.of("{\"values\":[[1]]}", "values[0]: expected an integer, got an array"),
				Arguments.of("{\"values\":\"1,2\"}", "values: expected an array, got a string"),
				Arguments.of("[1,2]", "request body: expected an object, got an array"),
				Arguments.of("{\"values\":[3000000000]}",
						"values[0]: Numeric value (3000000000) out of range of `int` (-2147483648 - 2147483647)"),
				Arguments.of("{\"values\":[1073741824]}",
						"values[0]: must be less than or equal to 1073741823, got '1073741824'"),
				Arguments.of("{\"values\":[1,-1073741825]}",
						"values[1]: must be greater than or equal to -1073741824, got '-1073741825'"),
				Arguments.of("{\"values\":" + Collections.nCopies(10_001, 1) + "}",
						"values: size must be between 0 and 10000"));
	}

	@Test
	void rejectedRequestGivesTheWorkerNothing() {
		long handled = workerProcessed();
		postTasks("{\"values\":[1,\"x\"]}").expectStatus().isBadRequest();
		postTasks("{\"values\":[1,1073741824]}").expectStatus().isBadRequest();
		postTasks("{\"values\":[5]}").expectStatus().isAccepted();
		// The valid request came last: once the worker has handled it, it would have
		// handled anything the rejected ones had sent.
		await().atMost(Duration.ofSeconds(10)).until(() -> workerProcessed() >= handled + 1);
		assertThat(workerProcessed()).isEqualTo(handled + 1);
	}

	@Test
	void otherMediaTypeIsUnsupported() {
		this.client.post()
			.uri("/tasks")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("values=1")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Content-Type 'application/x-www-form-urlencoded;charset=UTF-8' is not supported.");
	}

	@Test
	void unknownPathIsANotFoundProblem() {
		this.client.get()
			.uri("/nowhere")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private RestTestClient.ResponseSpec postTasks(String body) {
		return this.client.post().uri("/tasks").contentType(MediaType.APPLICATION_JSON).body(body).exchange();
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

	private long workerProcessed() {
		return this.actorSystem.actor("worker").map(ActorInfo::processed).orElseThrow();
	}

	private static List<Integer> concat(List<Integer> list, Integer... more) {
		List<Integer> all = new ArrayList<>(list);
		Collections.addAll(all, more);
		return all;
	}

}
