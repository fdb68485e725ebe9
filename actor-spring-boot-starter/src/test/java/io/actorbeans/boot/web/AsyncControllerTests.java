package io.actorbeans.boot.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

import io.actorbeans.ActorRef;
import io.actorbeans.Bridge;
import io.actorbeans.Handles;
import io.actorbeans.boot.ActorComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A controller can return {@code bridge.ask(...)}: Spring MVC handles the future as an
 * asynchronous result, so the request thread is freed while the actor works.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(30)
class AsyncControllerTests {

	@LocalServerPort
	private int port;

	@Test
	void controllerReturnsTheFutureOfAnAsk() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/greetings/Ada")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("Hello, Ada");
	}

	@SpringBootApplication
	@Import({ GreetingController.class, Greeter.class })
	static class GreetingApplication {

	}

	@RestController
	static class GreetingController {

		private final Bridge bridge;

		private final ActorRef greeter;

		GreetingController(Bridge bridge, @Qualifier("greeter") ActorRef greeter) {
			this.bridge = bridge;
			this.greeter = greeter;
		}

		@GetMapping("/greetings/{name}")
		CompletableFuture<String> greet(@PathVariable String name) {
			return this.bridge.ask(this.greeter, new Greet(name));
		}

	}

	record Greet(String name) {
	}

	@ActorComponent("greeter")
	static class Greeter {

		@Handles
		String greet(Greet greet) {
			return "Hello, " + greet.name();
		}

	}

}
