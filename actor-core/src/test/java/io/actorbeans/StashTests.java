package io.actorbeans;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Selective receive: stash, unstashAll, the bound of the stash, and what happens to
 * stashed messages when the actor stops or restarts.
 */
@Timeout(20)
class StashTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ActorSystem system = ActorSystem.create();

	private final BlockingQueue<DeadLetter> deadLetters = new LinkedBlockingQueue<>();

	StashTests() {
		this.system.addDeadLetterListener(this.deadLetters::add);
	}

	@AfterEach
	void shutdown() {
		this.system.close();
	}

	@Test
	void requestsBeforeTheConfigurationAreStashedThenServedInOrder() {
		ActorRef service = this.system.spawn("service", new ConfiguredService());
		Bridge bridge = this.system.bridge();
		List<CompletableFuture<String>> replies = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			replies.add(bridge.ask(service, new Request(i)));
		}
		assertThat(replies).noneMatch(CompletableFuture::isDone);
		service.send(new Configure("v1"));
		for (int i = 0; i < 5; i++) {
			assertThat(replies.get(i)).succeedsWithin(TIMEOUT).isEqualTo("v1:" + i);
		}
		assertThat(bridge.<List<Integer>>call(service, new GetServed(), TIMEOUT)).containsExactly(0, 1, 2, 3, 4);
		assertThat(bridge.<String>call(service, new Request(5), TIMEOUT)).isEqualTo("v1:5");
	}

	@Test
	void unstashedMessagesComeAheadOfTheMailboxInTheOrderTheyWereStashed() throws InterruptedException {
		Gate gate = new Gate();
		ActorRef actor = this.system.spawn("gate", gate);
		actor.send("a");
		actor.send("b");
		actor.send(new Open());
		actor.send("c");
		assertThat(gate.handledAll.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(gate.handled).containsExactly("a", "b", "c");
	}

	@Test
	void unstashAllWhileManySendersKeepSendingLosesNothingAndKeepsEachSendersOrder() throws Exception {
		int producers = 4;
		int perProducer = 5_000;
		SequenceGate gate = new SequenceGate();
		ActorRef actor = this.system.spawn("sequences", gate,
				SpawnOptions.defaults().withStashCapacity(producers * perProducer));
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> threads = new ArrayList<>();
		for (int p = 0; p < producers; p++) {
			int producer = p;
			Thread thread = new Thread(() -> {
				awaitQuietly(start);
				for (int i = 0; i < perProducer; i++) {
					actor.send(new Sequenced(producer, i));
					if (producer == 0 && i == perProducer / 2) {
						actor.send(new Open());
					}
				}
			});
			thread.start();
			threads.add(thread);
		}
		start.countDown();
		for (Thread thread : threads) {
			thread.join(TimeUnit.SECONDS.toMillis(15));
		}
		Map<Integer, Integer> lastSeen = this.system.bridge().call(actor, new GetLastSeen(), TIMEOUT);
		assertThat(gate.outOfOrder).isZero();
		assertThat(gate.count).isEqualTo(producers * perProducer);
		for (int p = 0; p < producers; p++) {
			assertThat(lastSeen).containsEntry(p, perProducer - 1);
		}
	}

	@Test
	void aFullStashTurnsTheMessageIntoADeadLetterAndFailsTheHandlerNamingTheActor() throws InterruptedException {
		ActorRef actor = this.system.spawn("small", new StashEverything(),
				SpawnOptions.defaults().withStashCapacity(2));
		actor.send("one");
		actor.send("two");
		assertThatExceptionOfType(StashOverflowException.class)
			.isThrownBy(() -> this.system.bridge().call(actor, "three", TIMEOUT))
			.withMessageContaining("'small'")
			.extracting(StashOverflowException::actor)
			.isEqualTo("small");
		DeadLetter deadLetter = this.deadLetters.poll(5, TimeUnit.SECONDS);
		assertThat(deadLetter).isNotNull();
		assertThat(deadLetter.message()).isEqualTo("three");
		assertThat(deadLetter.reason()).isEqualTo(DeadLetter.Reason.STASH_FULL);
		// the caller learns of the overflow from the dead letter, before the handler's
		// failure is counted
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (this.system.actor("small").get().failures() == 0 && System.nanoTime() < deadline) {
			Thread.sleep(1);
		}
		assertThat(this.system.actor("small")).get().extracting(ActorInfo::failures).isEqualTo(1L);
	}

	@Test
	void stashedMessagesLeftWhenTheActorStopsBecomeDeadLettersAndFailTheirCallersAtOnce() throws InterruptedException {
		ActorRef actor = this.system.spawn("hoarder", new StashEverything());
		actor.send("kept-1");
		CompletableFuture<Object> waiting = this.system.bridge().ask(actor, "kept-2", Duration.ofMinutes(1));
		assertThat(this.system.bridge().stop(List.of(actor), TIMEOUT)).containsExactly(new Stopped("hoarder"));
		List<DeadLetter> letters = DispatchTests.poll(this.deadLetters, 2);
		assertThat(letters).extracting(DeadLetter::message).containsExactly("kept-1", "kept-2");
		assertThat(letters).extracting(DeadLetter::reason).containsOnly(DeadLetter.Reason.STOPPED);
		assertThat(waiting).failsWithin(TIMEOUT)
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.withCauseInstanceOf(ActorStoppedException.class);
	}

	@Test
	void aRestartPutsTheStashBackAheadOfTheMailbox() throws InterruptedException {
		BlockingQueue<String> handled = new LinkedBlockingQueue<>();
		AtomicInteger created = new AtomicInteger();
		ActorRef actor = this.system.spawn("restarting", () -> new StashUntilFailure(handled, created),
				SpawnOptions.defaults().withFailurePolicy(FailurePolicy.RESTART));
		actor.send("x");
		actor.send("y");
		actor.send(new Fail());
		actor.send("z");
		List<String> seen = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			seen.add(handled.poll(5, TimeUnit.SECONDS));
		}
		assertThat(seen).containsExactly("x", "y", "z");
	}

	@Test
	void stashingTwiceInOneHandlerIsAnError() {
		ActorRef actor = this.system.spawn("twice", new StashTwice());
		assertThatExceptionOfType(HandlerFailedException.class)
			.isThrownBy(() -> this.system.bridge().call(actor, "m", TIMEOUT))
			.withCauseInstanceOf(IllegalStateException.class)
			.withMessageContaining("'twice'");
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	record Request(int id) {
	}

	record Configure(String version) {
	}

	record GetServed() {
	}

	record Open() {
	}

	record Fail() {
	}

	record Sequenced(int producer, int sequence) {
	}

	record GetLastSeen() {
	}

	static class ConfiguredService {

		private String version;

		private final List<Integer> served = new ArrayList<>();

		@Handles
		String onRequest(Request request, ActorContext context) {
			if (this.version == null) {
				context.stash();
				return null;
			}
			this.served.add(request.id());
			return this.version + ":" + request.id();
		}

		@Handles
		void onConfigure(Configure configure, ActorContext context) {
			this.version = configure.version();
			context.unstashAll();
		}

		@Handles
		List<Integer> onGetServed(GetServed request) {
			return List.copyOf(this.served);
		}

	}

	static class Gate {

		private boolean open;

		final List<String> handled = new ArrayList<>();

		final CountDownLatch handledAll = new CountDownLatch(3);

		@Handles
		void onString(String message, ActorContext context) {
			if (!this.open) {
				context.stash();
				return;
			}
			this.handled.add(message);
			this.handledAll.countDown();
		}

		@Handles
		void onOpen(Open open, ActorContext context) {
			this.open = true;
			context.unstashAll();
		}

	}

	static class SequenceGate {

		private boolean open;

		private final Map<Integer, Integer> lastSeen = new ConcurrentHashMap<>();

		volatile int count;

		volatile int outOfOrder;

		@Handles
		void onSequenced(Sequenced message, ActorContext context) {
			if (!this.open) {
				context.stash();
				return;
			}
			Integer last = this.lastSeen.put(message.producer(), message.sequence());
			if ((last == null) ? message.sequence() != 0 : message.sequence() != last + 1) {
				this.outOfOrder++;
			}
			this.count++;
		}

		@Handles
		void onOpen(Open open, ActorContext context) {
			this.open = true;
			context.unstashAll();
		}

		@Handles
		Map<Integer, Integer> onGetLastSeen(GetLastSeen request) {
			return Map.copyOf(this.lastSeen);
		}

	}

	static class StashEverything {

		@Handles
		void onString(String message, ActorContext context) {
			context.stash();
		}

	}

	static class StashTwice {

		@Handles
		void onString(String message, ActorContext context) {
			context.stash();
			context.stash();
		}

	}

	static class StashUntilFailure {

		private final BlockingQueue<String> handled;

		private final boolean first;

		StashUntilFailure(BlockingQueue<String> handled, AtomicInteger created) {
			this.handled = handled;
			this.first = created.incrementAndGet() == 1;
		}

		@Handles
		void onString(String message, ActorContext context) {
			if (this.first) {
				context.stash();
				return;
			}
			this.handled.add(message);
		}

		@Handles
		void onFail(Fail fail) {
			throw new IllegalStateException("fail on purpose");
		}

	}

}
