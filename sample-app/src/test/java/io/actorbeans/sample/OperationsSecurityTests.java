package io.actorbeans.sample;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of the operational endpoints' security, over HTTP: health is public,
 * everything else in actuator needs the ops user.
 */
@ServiceTest
class OperationsSecurityTests {

	private static final String VIEWER = "viewer";

	private static final String VIEWER_PASSWORD = "viewer-secret";

	@Autowired
	private RestTestClient client;

	@Autowired
	private InMemoryUserDetailsManager users;

	@BeforeEach
	void addAUserWithAnotherRole() {
		if (!this.users.userExists(VIEWER)) {
			this.users
				.createUser(User.withUsername(VIEWER).password("{noop}" + VIEWER_PASSWORD).roles("VIEWER").build());
		}
	}

	/**
	 * Every operational endpoint.
	 */
	static Stream<Arguments> operationalEndpoints() {
		return Stream.concat(opsEndpoints().map((arguments) -> Arguments.of(arguments.get()[0], arguments.get()[1])),
				Stream.of(Arguments.of(HttpMethod.DELETE, "/actuator/actors")));
	}

	/**
	 * The operational endpoints that leave the service running, with the status the ops
	 * user gets. Stopping every actor is for {@link ActorStopTests}, whose context may be
	 * spoilt.
	 */
	static Stream<Arguments> opsEndpoints() {
		return Stream.of(Arguments.of(HttpMethod.GET, "/actuator", HttpStatus.OK),
				Arguments.of(HttpMethod.GET, "/actuator/actors", HttpStatus.OK),
				Arguments.of(HttpMethod.GET, "/actuator/actors/worker", HttpStatus.OK),
				Arguments.of(HttpMethod.DELETE, "/actuator/actors/nobody", HttpStatus.NOT_FOUND),
				Arguments.of(HttpMethod.GET, "/actuator/metrics", HttpStatus.OK),
				Arguments.of(HttpMethod.GET, "/actuator/metrics/actors.messages.processed", HttpStatus.OK),
				Arguments.of(HttpMethod.GET, "/actuator/prometheus", HttpStatus.OK));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("operationalEndpoints")
	void anonymousIsUnauthorized(HttpMethod method, String path) {
		this.client.method(method)
			.uri(path)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=.*");
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("operationalEndpoints")
	void wrongPasswordIsUnauthorized(HttpMethod method, String path) {
		this.client.method(method)
			.uri(path)
			.headers((headers) -> headers.setBasicAuth(ServiceTest.OPS_USERNAME, "not-the-password"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("operationalEndpoints")
	void userWithoutTheOpsRoleIsForbidden(HttpMethod method, String path) {
		this.client.method(method)
			.uri(path)
			.headers((headers) -> headers.setBasicAuth(VIEWER, VIEWER_PASSWORD))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("opsEndpoints")
	void opsUserIsAllowed(HttpMethod method, String path, HttpStatus expected) {
		asOps(method, path).expectStatus().isEqualTo(expected);
	}

	@Test
	void healthIsPublicWithTheActorsComponent() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.actors.status")
			.isEqualTo("UP")
			.jsonPath("$.components.actors.details")
			.doesNotExist();
	}

	@Test
	void healthShowsTheActorsDetailsToTheOpsUser() {
		asOps(HttpMethod.GET, "/actuator/health").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.actors.details.running")
			.isNumber()
			.jsonPath("$.components.actors.details.shutdown")
			.isEqualTo(false);
	}

	@Test
	void actorsEndpointListsTheActorBeans() {
		asOps(HttpMethod.GET, "/actuator/actors").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.tags.worker.actors")
			.isEqualTo(1)
			.jsonPath("$.tags.positives.actors")
			.isEqualTo(1)
			.jsonPath("$.tags.negatives.actors")
			.isEqualTo(1)
			.jsonPath("$.tags.counter")
			.exists()
			.jsonPath("$.deadLetters")
			.isNumber();
		asOps(HttpMethod.GET, "/actuator/actors?tag=positives").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.page.actors[0].name")
			.isEqualTo("positives")
			.jsonPath("$.page.actors[0].state")
			.isEqualTo("RUNNING");
	}

	@Test
	void prometheusHasTheActorMeters() {
		this.client.post()
			.uri("/tasks")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"values\":[1]}")
			.exchange()
			.expectStatus()
			.isAccepted();
		String scrape = asOps(HttpMethod.GET, "/actuator/prometheus").expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(scrape).contains(
				"actors_messages_processed_messages_total{actor=\"worker\",dispatcher=\"shared\",outcome=\"success\"")
			.contains("actors_mailbox_size_messages{actor=\"positives\",dispatcher=\"shared\"")
			.contains("actors_live_actors{actor=\"worker\",dispatcher=\"shared\"} 1.0")
			.contains(
					"actors_message_process_seconds_count{actor=\"worker\",error=\"none\",exception=\"none\",message_type=\"io.actorbeans.sample.warehouse.Worker$Tasks\",outcome=\"success\"");
	}

	@Test
	void serviceEndpointsNeedNoCredentials() {
		this.client.get().uri("/warehouses").exchange().expectStatus().isOk();
		this.client.post().uri("/ping-pong?millis=1").exchange().expectStatus().isOk();
	}

	private RestTestClient.ResponseSpec asOps(HttpMethod method, String path) {
		return this.client.method(method)
			.uri(path)
			.headers((headers) -> headers.setBasicAuth(ServiceTest.OPS_USERNAME, ServiceTest.OPS_PASSWORD))
			.exchange();
	}

}
