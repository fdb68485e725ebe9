package io.actorbeans.boot.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.actorbeans.ActorRef;
import io.actorbeans.Bridge;
import io.actorbeans.Handles;
import io.actorbeans.boot.ActorComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A controller can return {@code bridge.ask(...)}: Spring MVC handles the future as an
 * asynchronous result, so the request thread is freed while the actor works. Tomcat has a
 * single request thread here: while the greeter holds a greeting, that thread serves
 * another request, which it could not if the controller waited for the greeter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.tomcat.threads.max=1", "server.tomcat.threads.min-spare=1" })
@Timeout(30)
class AsyncControllerTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	private int port;

	@Autowired
	private Gate gate;

	@Test
	void controllerReturnsTheFutureOfAnAskAndItsRequestThreadServesOthersMeanwhile() throws Exception {
		CompletableFuture<HttpResponse<String>> greeting = this.http.sendAsync(request("/greetings/Ada"),
				HttpResponse.BodyHandlers.ofString());
		try {
			assertThat(this.gate.greeting.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("the greeter started")
				.isTrue();
			HttpResponse<String> ping = this.http.send(request("/ping"), HttpResponse.BodyHandlers.ofString());
			assertThat(ping.body()).isEqualTo("pong");
			assertThat(greeting).as("the greeting, held by the greeter").isNotDone();
		}
		finally {
			this.gate.release.countDown();
		}
		HttpResponse<String> response = greeting.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("Hello, Ada");
		assertThat(this.gate.pingThread).as("the thread that served the ping")
			.isEqualTo(this.gate.greetThread)
			.startsWith("http-nio-");
	}

	private HttpRequest request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).timeout(TIMEOUT).build();
	}

	@SpringBootApplication
	@Import({ GreetingController.class, Greeter.class, Gate.class })
	static class GreetingApplication {

	}

	/** Holds the greeter until the test releases it, and names the request threads. */
	@Component
	static class Gate {

		final CountDownLatch greeting = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		volatile String greetThread;

		volatile String pingThread;

	}

	@RestController
	static class GreetingController {

		private final Bridge bridge;

		private final ActorRef greeter;

		private final Gate gate;

		GreetingController(Bridge bridge, @Qualifier("greeter") ActorRef greeter, Gate gate) {
			this.bridge = bridge;
			this.greeter = greeter;
			this.gate = gate;
		}

		@GetMapping("/greetings/{name}")
		CompletableFuture<String> greet(@PathVariable String name) {
			this.gate.greetThread = Thread.currentThread().getName();
			return this.bridge.ask(this.greeter, new Greet(name));
		}

		@GetMapping("/ping")
		String ping() {
			this.gate.pingThread = Thread.currentThread().getName();
			return "pong";
		}

	}

	record Greet(String name) {
	}

	@ActorComponent("greeter")
	static class Greeter {

		private final Gate gate;

		Greeter(Gate gate) {
			this.gate = gate;
		}

		@Handles
		String greet(Greet greet) throws InterruptedException {
			this.gate.greeting.countDown();
			this.gate.release.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			return "Hello, " + greet.name();
		}

	}

}
