package io.actorbeans;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Handlers whose result the system's {@link ReplyAdapter} turns into a later reply, and
 * the failures of such replies and of {@link CompletionStage} replies.
 */
@Timeout(10)
class ReplyAdapterTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final LaterAdapter adapter = new LaterAdapter();

	private ActorSystem system = ActorSystem.create(ActorSystemSettings.defaults().withReplyAdapter(this.adapter));

	@AfterEach
	void shutdown() {
		this.system.close();
	}

	@Test
	void aResultTheAdapterSupportsRepliesWithItsValue() {
		Later later = new Later();
		ActorRef actor = this.system.spawn("later", new LaterReplier(later));
		CompletableFuture<String> reply = this.system.bridge().ask(actor, "question");
		assertThat(reply).isNotDone();
		later.stage.complete("answer");
		assertThat(reply).succeedsWithin(TIMEOUT).isEqualTo("answer");
	}

	@Test
	void withoutAnAdapterTheResultIsTheReply() {
		this.system.close();
		this.system = ActorSystem.create();
		Later later = new Later();
		ActorRef actor = this.system.spawn("later", new LaterReplier(later));
		assertThat(this.system.bridge().<Object>call(actor, "question", TIMEOUT)).isSameAs(later);
	}

	@Test
	void otherResultsAreRepliesAndTheAdapterIsAskedOncePerClass() {
		ActorRef echo = this.system.spawn("echo", new Echo());
		for (int i = 0; i < 3; i++) {
			assertThat(this.system.bridge().<Integer>call(echo, i, TIMEOUT)).isEqualTo(i);
		}
		assertThat(this.adapter.asked).hasValue(1);
	}

	@Test
	void theValueIsSentFromTheThreadThatCompletesItWhileTheActorIsBusy() throws InterruptedException {
		Later later = new Later();
		CountDownLatch busy = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ActorRef actor = this.system.spawn("later", new LaterReplier(later, busy, release));
		CompletableFuture<String> reply = this.system.bridge().ask(actor, "question");
		this.system.bridge().send(actor, new Block());
		assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();
		try {
			// the actor is inside a handler: the reply cannot wait for its thread
			later.stage.complete("answer");
			assertThat(reply).succeedsWithin(TIMEOUT).isEqualTo("answer");
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void aFailedReplyFailsTheCallWithTheCauseAndCountsAsTheHandlersFailure() {
		Later later = new Later();
		ActorRef actor = this.system.spawn("later", new LaterReplier(later));
		CompletableFuture<String> reply = this.system.bridge().ask(actor, "question");
		later.stage.completeExceptionally(new IllegalStateException("no answer"));
		assertThat(reply).failsWithin(TIMEOUT)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(HandlerFailedException.class)
			.withMessageContaining("Actor 'later' failed handling java.lang.String in the reply of handler '")
			.withMessageContaining("onQuestion(String)")
			.withCauseInstanceOf(IllegalStateException.class);
		// the failure reaches the actor through its mailbox: counted once it is handled
		assertThat(this.system.bridge().<String>call(actor, new Ping(), TIMEOUT)).isEqualTo("pong");
		assertThat(this.system.actor("later")).hasValueSatisfying((info) -> assertThat(info.failures()).isOne());
	}

	@Test
	void aFailedReplyRestartsAnActorWhosePolicyIsRestart() {
		Later later = new Later();
		AtomicInteger created = new AtomicInteger();
		ActorRef actor = this.system.spawn("later", () -> {
			created.incrementAndGet();
			return new LaterReplier(later);
		}, SpawnOptions.defaults().withFailurePolicy(FailurePolicy.RESTART));
		CompletableFuture<String> reply = this.system.bridge().ask(actor, "question");
		later.stage.completeExceptionally(new IllegalStateException("no answer"));
		assertThat(reply).failsWithin(TIMEOUT);
		this.system.bridge().call(actor, new Ping(), TIMEOUT);
		assertThat(created).hasValue(2);
	}

	@Test
	void aFailedCompletionStageStopsAnActorWhosePolicyIsStop() {
		CompletableFuture<String> stage = new CompletableFuture<>();
		ActorRef actor = this.system.spawn("staged", new StageReplier(stage),
				SpawnOptions.defaults().withFailurePolicy(FailurePolicy.STOP));
		CompletableFuture<String> reply = this.system.bridge().ask(actor, "question");
		stage.completeExceptionally(new IllegalStateException("no answer"));
		assertThat(reply).failsWithin(TIMEOUT)
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(HandlerFailedException.class);
		assertThat(this.system.bridge().stop(List.of(actor), TIMEOUT)).containsOnlyNulls();
		assertThatExceptionOfType(ActorStoppedException.class)
			.isThrownBy(() -> this.system.bridge().call(actor, new Ping(), TIMEOUT));
	}

	@Test
	void anAdapterThatThrowsFailsTheHandler() {
		ActorRef actor = this.system.spawn("later", new LaterReplier(Later.BROKEN));
		assertThatExceptionOfType(HandlerFailedException.class)
			.isThrownBy(() -> this.system.bridge().call(actor, "question", TIMEOUT))
			.withMessageContaining("in handler '")
			.withRootCauseInstanceOf(UnsupportedOperationException.class);
	}

	/** A result type of the tests' own, which the core knows nothing of. */
	static final class Later {

		static final Later BROKEN = new Later();

		final CompletableFuture<Object> stage = new CompletableFuture<>();

	}

	static final class LaterAdapter implements ReplyAdapter {

		final AtomicInteger asked = new AtomicInteger();

		@Override
		public boolean supports(Class<?> resultClass) {
			this.asked.incrementAndGet();
			return resultClass == Later.class;
		}

		@Override
		public CompletionStage<?> adapt(Object result) {
			if (result == Later.BROKEN) {
				throw new UnsupportedOperationException("broken");
			}
			return ((Later) result).stage;
		}

	}

	record Ping() {
	}

	record Block() {
	}

	static final class LaterReplier {

		private final Later later;

		private final CountDownLatch busy;

		private final CountDownLatch release;

		LaterReplier(Later later) {
			this(later, new CountDownLatch(1), new CountDownLatch(0));
		}

		LaterReplier(Later later, CountDownLatch busy, CountDownLatch release) {
			this.later = later;
			this.busy = busy;
			this.release = release;
		}

		@Handles
		Later onQuestion(String question) {
			return this.later;
		}

		@Handles
		String onPing(Ping ping) {
			return "pong";
		}

		@Handles
		void onBlock(Block block) throws InterruptedException {
			this.busy.countDown();
			this.release.await(5, TimeUnit.SECONDS);
		}

	}

	static final class StageReplier {

		private final CompletionStage<String> stage;

		StageReplier(CompletionStage<String> stage) {
			this.stage = stage;
		}

		@Handles
		CompletionStage<String> onQuestion(String question) {
			return this.stage;
		}

		@Handles
		String onPing(Ping ping) {
			return "pong";
		}

	}

	static final class Echo {

		@Handles
		Integer onInteger(Integer value) {
			return value;
		}

	}

}
