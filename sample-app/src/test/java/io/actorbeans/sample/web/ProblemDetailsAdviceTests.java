package io.actorbeans.sample.web;

import io.actorbeans.ActorStoppedException;
import io.actorbeans.ActorSystemShutdownException;
import io.actorbeans.CallTimeoutException;
import io.actorbeans.HandlerFailedException;
import io.actorbeans.MailboxFullException;
import io.actorbeans.cluster.ClusterUnavailableException;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Tests of the {@link ProblemDetailsAdvice} for the failures the service's endpoints
 * cannot be made to meet over HTTP: a bounded mailbox that is full, a shutdown under way,
 * a handler that throws, an unexpected exception.
 */
class ProblemDetailsAdviceTests {

	/** What a failure's message may hold that no client should see. */
	private static final String SECRET = "password=hunter2";

	/** A handler failure's own message, with the actor's internals in it. */
	private static final String HANDLER_FAILURE = "Handler 'onOrder(Order)' of actor 'positives' failed";

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new FailingController())
		.setControllerAdvice(new ProblemDetailsAdvice())
		.build();

	@Test
	void actorStoppedIsServiceUnavailableNamingTheActor() throws Exception {
		this.mvc.perform(get("/fail/stopped"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.actor").value("positives"))
			.andExpect(jsonPath("$.detail").value("Actor 'positives' has stopped"));
	}

	@Test
	void callTimeoutIsGatewayTimeoutNamingTheActor() throws Exception {
		this.mvc.perform(get("/fail/timeout"))
			.andExpect(status().isGatewayTimeout())
			.andExpect(jsonPath("$.actor").value("positives"))
			.andExpect(jsonPath("$.detail").value("Actor 'positives' did not reply in time"));
	}

	@Test
	void unreachableClusterIsServiceUnavailableNamingTheEntity() throws Exception {
		this.mvc.perform(get("/fail/cluster"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.actor").value("counter/apples"))
			.andExpect(jsonPath("$.detail").value(
					"Cannot reach entity 'counter/apples': this node is not an up member of the cluster (joining, leaving or downed)"));
	}

	@Test
	void fullMailboxIsServiceUnavailableNamingTheActor() throws Exception {
		this.mvc.perform(get("/fail/full"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.detail").value("Actor 'worker' is too busy"))
			.andExpect(jsonPath("$.actor").value("worker"));
	}

	@Test
	void shutdownIsServiceUnavailable() throws Exception {
		this.mvc.perform(get("/fail/shutdown"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.detail")
				.value("The service is shutting down: actor system 'actorbeans-sample' is shutting down"));
	}

	@Test
	void failedHandlerIsInternalServerErrorWithoutItsDetails() throws Exception {
		this.mvc.perform(get("/fail/handler"))
			.andExpect(status().isInternalServerError())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(
					jsonPath("$.detail").value("An actor failed to handle the request; the server log has the details"))
			.andExpect(jsonPath("$.trace").doesNotExist())
			.andExpect(content().string(not(containsString(SECRET))))
			.andExpect(content().string(not(containsString(HANDLER_FAILURE))))
			.andExpect(content().string(not(containsString(IllegalStateException.class.getSimpleName()))));
	}

	@Test
	void unexpectedFailureIsInternalServerErrorWithoutItsDetails() throws Exception {
		this.mvc.perform(get("/fail/unexpected"))
			.andExpect(status().isInternalServerError())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("Unexpected failure; the server log has the details"))
			.andExpect(jsonPath("$.trace").doesNotExist())
			.andExpect(content().string(not(containsString(SECRET))))
			.andExpect(content().string(not(containsString(IllegalStateException.class.getSimpleName()))));
	}

	@RestController
	static class FailingController {

		@GetMapping("/fail/{how}")
		String fail(@PathVariable String how) {
			throw switch (how) {
				case "stopped" -> new ActorStoppedException("positives", "Actor 'positives' has stopped");
				case "timeout" -> new CallTimeoutException("positives", "Actor 'positives' did not reply");
				case "full" -> new MailboxFullException("worker", "Actor 'worker' has a full mailbox");
				case "cluster" -> new ClusterUnavailableException("counter/apples",
						"Cannot reach entity 'counter/apples': this node is not an up member of the cluster (joining, leaving or downed)");
				case "shutdown" ->
					new ActorSystemShutdownException("actor system 'actorbeans-sample' is shutting down");
				case "handler" -> new HandlerFailedException(HANDLER_FAILURE, new IllegalStateException(SECRET));
				default -> new IllegalStateException(SECRET);
			};
		}

	}

}
