package io.actorbeans.boot.test.app;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.actorbeans.ActorContext;
import io.actorbeans.ActorRef;
import io.actorbeans.CallTimeoutException;
import io.actorbeans.Handles;
import io.actorbeans.boot.ActorComponent;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Asks the {@code greeter} for a greeting with a timeout of 30 seconds, and reports the
 * outcome to the {@code recorder}.
 */
@ActorComponent("asker")
public class Asker {

	private final ActorRef greeter;

	private final ActorRef recorder;

	Asker(@Qualifier("greeter") ActorRef greeter, @Qualifier("recorder") ActorRef recorder) {
		this.greeter = greeter;
		this.recorder = recorder;
	}

	@Handles
	void onAsk(Ask ask, ActorContext context) {
		CompletableFuture<String> greeting = context.ask(this.greeter, ask.name(), Duration.ofSeconds(30));
		context.pipeToSelf(greeting, (value, failure) -> (failure instanceof CallTimeoutException) ? "timed out"
				: (failure != null) ? "failed: " + failure : value);
	}

	@Handles
	void onOutcome(String outcome) {
		this.recorder.send(outcome);
	}

	/** Ask the greeter to greet a name. */
	public record Ask(String name) {
	}

}
