package io.actorbeans;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Asking between actors, piping outcomes through the mailbox, and handlers that reply
 * with a CompletionStage.
 */
@Timeout(10)
class AskAndPipeTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ActorSystem system = ActorSystem.create();

	private final Bridge bridge = this.system.bridge();

	private final BlockingQueue<DeadLetter> deadLetters = new LinkedBlockingQueue<>();

	AskAndPipeTests() {
		this.system.addDeadLetterListener(this.deadLetters::add);
	}

	@AfterEach
	void shutdown() {
		this.system.close();
	}

	@Test
	void anActorAsksAnotherAndGetsTheAnswerBackThroughItsMailbox() {
		ActorRef prices = this.system.spawn("prices", new Prices());
		ActorRef quotes = this.system.spawn("quotes", new Quotes(prices, Duration.ofSeconds(1)));
		assertThat(this.bridge.<String>call(quotes, new Quote("apple", 3), TIMEOUT)).isEqualTo("3 x apple = 6");
		assertThat(this.bridge.<String>call(quotes, new Quote("pear", 2), TIMEOUT)).isEqualTo("2 x pear = 10");
	}

	@Test
	void anAskThatTimesOutIsPipedAsItsFailure() {
		ActorRef silent = this.system.spawn("silent", new Silent());
		ActorRef quotes = this.system.spawn("quotes", new Quotes(silent, Duration.ofMillis(50)));
		assertThat(this.bridge.<String>call(quotes, new Quote("apple", 1), TIMEOUT))
			.startsWith("failed: CallTimeoutException");
	}

	@Test
	void anAskToAStoppedActorFailsAtOnce() {
		ActorRef prices = this.system.spawn("prices", new Prices());
		this.bridge.stop(java.util.List.of(prices), TIMEOUT);
		ActorRef quotes = this.system.spawn("quotes", new Quotes(prices, Duration.ofMinutes(1)));
		assertThat(this.bridge.<String>call(quotes, new Quote("apple", 1), TIMEOUT))
			.startsWith("failed: ActorStoppedException");
	}

	@Test
	void aHandlerReturningACompletionStageRepliesWhenItCompletes() {
		CompletableFuture<String> later = new CompletableFuture<>();
		ActorRef actor = this.system.spawn("async", new AsyncReplier(later));
		CompletableFuture<String> reply = this.bridge.ask(actor, "question");
		assertThat(reply).isNotDone();
		later.complete("answer");
		assertThat(reply).succeedsWithin(TIMEOUT).isEqualTo("answer");
	}

	@Test
	void aHandlerReturningAFailedCompletionStageFailsTheCallWithTheCause() {
		CompletableFuture<String> later = new CompletableFuture<>();
		ActorRef actor = this.system.spawn("async", new AsyncReplier(later));
		CompletableFuture<String> reply = this.bridge.ask(actor, "question");
		later.completeExceptionally(new IllegalStateException("no answer"));
		assertThat(reply).failsWithin(TIMEOUT)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(HandlerFailedException.class)
			.withMessageContaining("'async'")
			.withCauseInstanceOf(IllegalStateException.class);
	}

	@Test
	void anOutcomePipedAfterTheActorStoppedIsADeadLetterNotAnException() throws InterruptedException {
		CompletableFuture<String> later = new CompletableFuture<>();
		ActorRef actor = this.system.spawn("piper", new Piper(later));
		this.bridge.call(actor, new StartPipe(), TIMEOUT);
		assertThat(this.bridge.stop(java.util.List.of(actor), TIMEOUT)).containsExactly(new Stopped("piper"));
		assertThatNoException().isThrownBy(() -> later.complete("too late"));
		DeadLetter deadLetter = this.deadLetters.poll(5, TimeUnit.SECONDS);
		assertThat(deadLetter).isNotNull();
		assertThat(deadLetter.message()).isEqualTo("too late");
		assertThat(deadLetter.reason()).isEqualTo(DeadLetter.Reason.STOPPED);
		assertThat(deadLetter.recipient()).isEqualTo(actor);
	}

	@Test
	void aFailingMapperIsAFailureOfTheActorOnItsOwnThread() throws InterruptedException {
		CompletableFuture<String> later = new CompletableFuture<>();
		ActorRef actor = this.system.spawn("piper", new Piper(later));
		this.bridge.call(actor, new StartPipe(), TIMEOUT);
		later.complete("explode");
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (this.system.actor("piper").get().failures() == 0 && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(this.system.actor("piper")).get().extracting(ActorInfo::failures).isEqualTo(1L);
		assertThat(this.bridge.<String>call(actor, new GetPiped(), TIMEOUT)).isEqualTo("nothing");
	}

	@Test
	void aPipedValueIsHandledOnTheActorsThread() {
		CompletableFuture<String> later = new CompletableFuture<>();
		ActorRef actor = this.system.spawn("piper", new Piper(later));
		this.bridge.call(actor, new StartPipe(), TIMEOUT);
		later.complete("value");
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		String piped;
		while ((piped = this.bridge.call(actor, new GetPiped(), TIMEOUT)).equals("nothing")
				&& System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(piped).isEqualTo("piped value on actors-shared-");
	}

	record Quote(String item, int quantity) {
	}

	record Price(String item) {
	}

	record Priced(ActorRef requester, String text) {
	}

	record StartPipe() {
	}

	record GetPiped() {
	}

	record Piped(String text) {
	}

	static class Prices {

		@Handles
		Integer onPrice(Price price) {
			return price.item().equals("apple") ? 2 : 5;
		}

	}

	static class Silent {

		@Handles
		void onPrice(Price price) {
		}

	}

	static class Quotes {

		private final ActorRef prices;

		private final Duration timeout;

		Quotes(ActorRef prices, Duration timeout) {
			this.prices = prices;
			this.timeout = timeout;
		}

		@Handles
		void onQuote(Quote quote, ActorRef requester, ActorContext context) {
			CompletableFuture<Integer> price = context.ask(this.prices, new Price(quote.item()), this.timeout);
			context.pipeToSelf(price,
					(value, failure) -> new Priced(requester,
							(failure != null) ? "failed: " + failure.getClass().getSimpleName()
									: quote.quantity() + " x " + quote.item() + " = " + quote.quantity() * value));
		}

		@Handles
		void onPriced(Priced priced, ActorContext context) {
			priced.requester().send(priced.text(), context.self());
		}

	}

	static class AsyncReplier {

		private final CompletableFuture<String> later;

		AsyncReplier(CompletableFuture<String> later) {
			this.later = later;
		}

		@Handles
		CompletionStage<String> onString(String question) {
			return this.later;
		}

	}

	static class Piper {

		private final CompletableFuture<String> later;

		private String piped = "nothing";

		Piper(CompletableFuture<String> later) {
			this.later = later;
		}

		@Handles
		boolean onStart(StartPipe start, ActorContext context) {
			context.pipeToSelf(this.later, (value, failure) -> {
				if ("explode".equals(value)) {
					throw new IllegalStateException("mapper failed");
				}
				return new Piped("piped " + value + " on " + Thread.currentThread().getName().replaceAll("\\d.*", ""));
			});
			return true;
		}

		@Handles
		void onPiped(Piped piped) {
			this.piped = piped.text();
		}

		@Handles
		String onGetPiped(GetPiped request) {
			return this.piped;
		}

	}

}
