package io.actorbeans.sample;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One request's trace goes with its messages into the actors: the controller's and the
 * worker actor's log lines carry the same trace id, the worker sees the caller's user
 * name, and a problem detail carries the trace id of its request.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.ops.password=" + ServiceTest.OPS_PASSWORD,
				"logging.level.io.actorbeans.sample.warehouse=info" })
@AutoConfigureRestTestClient
@ExtendWith(OutputCaptureExtension.class)
@Timeout(60)
class TracingTests {

	/** A log line's trace and span ids, as the pattern prints them, then its logger. */
	private static final String IDS = "\\[([0-9a-f]{32}),([0-9a-f]{16})\\] \\S*";

	@Autowired
	private RestTestClient client;

	@Test
	void theControllersAndTheWorkersLogLinesOfOneRequestCarryItsTraceId(CapturedOutput output) {
		this.client.post()
			.uri("/tasks")
			.headers((headers) -> headers.setBasicAuth(ServiceTest.OPS_USERNAME, ServiceTest.OPS_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"values\":[7,-7,7]}")
			.exchange()
			.expectStatus()
			.isAccepted();
		Pattern controller = Pattern.compile(IDS + "TaskController - Handing 3 tasks to the worker");
		Pattern worker = Pattern.compile(IDS + "Worker - Doubling 3 values for " + ServiceTest.OPS_USERNAME);
		await().atMost(Duration.ofSeconds(10)).until(() -> worker.matcher(output.getOut()).find());
		Matcher controllerLine = controller.matcher(output.getOut());
		Matcher workerLine = worker.matcher(output.getOut());
		assertThat(controllerLine.find()).as("the controller's log line in %s", output.getOut()).isTrue();
		assertThat(workerLine.find()).isTrue();
		assertThat(workerLine.group(1)).as("trace id").isEqualTo(controllerLine.group(1));
		assertThat(workerLine.group(2)).as("span id").isNotEqualTo(controllerLine.group(2));
	}

	@Test
	void aProblemDetailCarriesTheTraceIdOfItsRequest() {
		String first = traceIdOfNotFound();
		String second = traceIdOfNotFound();
		assertThat(first).matches("[0-9a-f]{32}");
		assertThat(second).matches("[0-9a-f]{32}").isNotEqualTo(first);
	}

	private String traceIdOfNotFound() {
		String body = this.client.get()
			.uri("/warehouses/elsewhere/inventory")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Matcher traceId = Pattern.compile("\"traceId\":\"([^\"]*)\"").matcher(String.valueOf(body));
		assertThat(traceId.find()).as("a traceId in %s", body).isTrue();
		return traceId.group(1);
	}

}
