package io.actorbeans.boot.lifecycle;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.actorbeans.ActorSystem;
import io.actorbeans.boot.autoconfigure.ActorSystemLifecycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests that the actors run before the web server takes requests and outlive its graceful
 * shutdown: a request in flight when the application context closes still reaches running
 * actors, and they end only once the server has stopped. The events come from the web
 * server's connector and the actor system's termination listener, in the order they
 * happened.
 */
@Timeout(60)
class GracefulShutdownTests {

	private static final String STARTED = "web server started, actors running: "
			+ LifecycleTestApplication.SINGLETON_ACTORS;

	private static final String STOPPED = "web server stopped, actors running: "
			+ LifecycleTestApplication.SINGLETON_ACTORS;

	private static final List<String> ENDINGS = LifecycleTestApplication.SINGLETON_ACTORS.stream()
		.map((name) -> "actor " + name + " ended")
		.toList();

	private static final String ENDED = "a singleton actor ended";

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
		assertThat(singletonEvents(signals)).containsExactly(STARTED, "answered apple=500", STOPPED, ENDED, ENDED);
	}

	@ParameterizedTest(name = "lazy initialization: {0}")
	@ValueSource(booleans = { false, true })
	void actorsRunBeforeTheWebServerStartsAndEndOnlyAfterItHasStopped(boolean lazy) {
		ConfigurableApplicationContext context = start(lazy);
		LifecycleTestApplication.Signals signals = context.getBean(LifecycleTestApplication.Signals.class);
		try {
			assertThat(context.getBean(ActorSystemLifecycle.class).isRunning()).isTrue();
			assertThat(context.getBean(ActorSystem.class).name()).isEqualTo("lifecycle-shop");
		}
		finally {
			context.close();
		}
		assertThat(singletonEvents(signals)).containsExactly(STARTED, STOPPED, ENDED, ENDED);
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

	/**
	 * What happened to the web server, the quotes and the singleton actors, in order. The
	 * two singleton actors end concurrently, so each end is {@link #ENDED}; the prototype
	 * actors' ends are left out.
	 */
	private static List<String> singletonEvents(LifecycleTestApplication.Signals signals) {
		// the termination listener may be told a little after the system has terminated
		List<String> events = await().atMost(Duration.ofSeconds(5))
			.until(signals::events, (recorded) -> recorded.containsAll(ENDINGS));
		return events.stream()
			.filter((event) -> ENDINGS.contains(event) || !event.startsWith("actor "))
			.map((event) -> ENDINGS.contains(event) ? ENDED : event)
			.toList();
	}

	static ConfigurableApplicationContext start() {
		return start(false);
	}

	static ConfigurableApplicationContext start(boolean lazy) {
		SpringApplication application = new SpringApplication(LifecycleTestApplication.class);
		application.setDefaultProperties(Map.of("server.port", "0", "spring.main.banner-mode", "off",
				"spring.application.name", "lifecycle-shop", "spring.main.lazy-initialization", String.valueOf(lazy)));
		return application.run();
	}

}
