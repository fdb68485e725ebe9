package io.actorbeans;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CallerRef}: a sender of its own is told of each failed request, as a
 * Bridge call is, and gets the replies of the others.
 */
@Timeout(10)
class CallerRefTests {

	private final ActorSystem system = ActorSystem.create();

	private final RecordingCaller caller = new RecordingCaller();

	@AfterEach
	void shutdown() {
		this.system.close();
	}

	@Test
	void callerIsToldWhenTheHandlerThrows() throws InterruptedException {
		ActorRef actor = this.system.spawn("moody", new Moody());
		actor.send("fail", this.caller);
		assertThat(this.caller.next()).isInstanceOfSatisfying(HandlerFailedException.class,
				(failure) -> assertThat(failure).hasMessageContaining("Actor 'moody' failed handling java.lang.String")
					.hasRootCauseMessage("on purpose"));
	}

	@Test
	void callerGetsTheReplyOfARequestThatSucceeds() throws InterruptedException {
		ActorRef actor = this.system.spawn("moody", new Moody());
		actor.send("hello", this.caller);
		assertThat(this.caller.next()).isEqualTo("HELLO");
	}

	@Test
	void callerIsToldWhenTheActorHasNoHandler() throws InterruptedException {
		ActorRef actor = this.system.spawn("moody", new Moody());
		actor.send(42, this.caller);
		assertThat(this.caller.next()).isInstanceOf(UnhandledMessageException.class);
	}

	@Test
	void callerIsToldWhenTheActorHasStopped() throws InterruptedException {
		ActorRef actor = this.system.spawn("moody", new Moody());
		this.system.bridge().stop(List.of(actor), Duration.ofSeconds(5));
		actor.send("hello", this.caller);
		assertThat(this.caller.next()).isInstanceOfSatisfying(ActorStoppedException.class,
				(failure) -> assertThat(failure.actor()).isEqualTo("moody"));
	}

	static class Moody {

		@Handles
		String on(String text) {
			if (text.equals("fail")) {
				throw new IllegalStateException("on purpose");
			}
			return text.toUpperCase();
		}

	}

	/** Records replies and failures, in order. */
	static class RecordingCaller implements CallerRef {

		private final BlockingQueue<Object> outcomes = new LinkedBlockingQueue<>();

		@Override
		public String name() {
			return "caller";
		}

		@Override
		public void send(Object message, @Nullable ActorRef sender) {
			this.outcomes.add(message);
		}

		@Override
		public void requestFailed(ActorException failure) {
			this.outcomes.add(failure);
		}

		Object next() throws InterruptedException {
			Object outcome = this.outcomes.poll(5, TimeUnit.SECONDS);
			assertThat(outcome).as("an outcome within 5 s").isNotNull();
			return outcome;
		}

	}

}
