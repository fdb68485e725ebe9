package io.actorbeans.boot.lifecycle;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.actorbeans.ActorSystem;
import io.actorbeans.boot.autoconfigure.ActorSystemLifecycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the actors outlive the web server's graceful shutdown: a request in flight
 * when the application context closes still reaches running actors.
 */
@Timeout(60)
class GracefulShutdownTests {

	@Test
	void requestInFlightAtCloseCompletesWithTheActorsAnswer() throws Exception {
		ConfigurableApplicationContext context = start();
		ActorSystem system = context.getBean(ActorSystem.class);
		LifecycleTestApplication.Signals signals = context.getBean(LifecycleTestApplication.Signals.class);
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/quote/apple"))
			.timeout(Duration.ofSeconds(20))
			.build();
		CompletableFuture<HttpResponse<String>> response = client.sendAsync(request,
				HttpResponse.BodyHandlers.ofString());
		try {
			assertThat(signals.quoteStarted.await(10, TimeUnit.SECONDS)).as("the slow actor started").isTrue();
		}
		finally {
			context.close();
		}
		HttpResponse<String> answer = response.get(10, TimeUnit.SECONDS);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("apple=500");
		assertThat(system.isShutdown()).isTrue();
		assertThat(system.whenTerminated().toCompletableFuture()).isCompleted();
	}

	@Test
	void actorSystemStopsAfterTheWebServersGracefulShutdown() {
		// The web server's graceful shutdown runs at DEFAULT_PHASE - 1024, its stop at
		// DEFAULT_PHASE - 2048: lifecycles stop from the highest phase down.
		assertThat(ActorSystemLifecycle.PHASE).isLessThan(SmartLifecycle.DEFAULT_PHASE - 1024)
			.isLessThan(SmartLifecycle.DEFAULT_PHASE - 2048);
		ConfigurableApplicationContext context = start();
		try {
			int actors = context.getBean(ActorSystemLifecycle.class).getPhase();
			int gracefulShutdown = context.getBean(WebServerGracefulShutdownLifecycle.class).getPhase();
			int webServerStartStop = context.getBean("webServerStartStop", SmartLifecycle.class).getPhase();
			assertThat(gracefulShutdown).isEqualTo(SmartLifecycle.DEFAULT_PHASE - 1024);
			assertThat(webServerStartStop).isEqualTo(SmartLifecycle.DEFAULT_PHASE - 2048);
			assertThat(actors).isEqualTo(ActorSystemLifecycle.PHASE)
				.isLessThan(gracefulShutdown)
				.isLessThan(webServerStartStop);
		}
		finally {
			context.close();
		}
	}

	@Test
	void actorsRunBeforeTheWebServerTakesRequests() {
		ConfigurableApplicationContext context = start();
		try {
			ActorSystem system = context.getBean(ActorSystem.class);
			assertThat(system.lookup("quotes")).isPresent();
			assertThat(system.lookup("formatter")).isPresent();
			assertThat(context.getBean(ActorSystemLifecycle.class).isRunning()).isTrue();
			assertThat(system.name()).isEqualTo("lifecycle-shop");
		}
		finally {
			context.close();
		}
	}

	static ConfigurableApplicationContext start() {
		SpringApplication application = new SpringApplication(LifecycleTestApplication.class);
		application.setDefaultProperties(Map.of("server.port", "0", "spring.main.banner-mode", "off",
				"spring.application.name", "lifecycle-shop"));
		return application.run();
	}

}
