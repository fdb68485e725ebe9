package io.actorbeans;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every user message sent to an actor ends exactly once: processed, or a dead letter.
 */
@Timeout(120)
class AccountingTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ActorSystem system = ActorSystem.create();

	private final Bridge bridge = this.system.bridge();

	private final LongAdder deadLetters = new LongAdder();

	AccountingTests() {
		this.system.addDeadLetterListener((deadLetter) -> this.deadLetters.increment());
	}

	@AfterEach
	void shutdown() {
		this.system.close();
	}

	@Test
	void aStashedMessageCountsOnceWhenItIsHandled() {
		ActorRef actor = this.system.spawn("stasher", new Stasher());
		actor.send("later");
		actor.send("later");
		actor.send(new UnstashAll());
		assertThat(this.bridge.<Integer>call(actor, new Handled(), TIMEOUT)).isEqualTo(2);
		// two strings (each handled once, after being stashed), the unstash, and this
		// call
		assertThat(this.system.actor("stasher").orElseThrow().processed()).isEqualTo(4);
	}

	@Test
	void aMessageThatOverflowsTheStashIsADeadLetterAndNotProcessed() {
		ActorRef actor = this.system.spawn("small-stash", new Stasher(), SpawnOptions.defaults().withStashCapacity(1));
		actor.send("kept");
		actor.send("overflows");
		assertThat(this.bridge.<Integer>call(actor, new Handled(), TIMEOUT)).isZero();
		assertThat(this.system.actor("small-stash").orElseThrow().processed()).isEqualTo(1);
		assertThat(this.system.deadLetterCount()).isEqualTo(1);
	}

	@Test
	void aStopCountsAsProcessed() {
		Map<String, ActorInfo> ended = new ConcurrentHashMap<>();
		this.system.addTerminationListener((actor) -> ended.put(actor.name(), actor));
		ActorRef actor = this.system.spawn("stopped", new Object());
		assertThat(this.bridge.stop(List.of(actor), TIMEOUT)).containsExactly(new Stopped("stopped"));
		assertThat(ended.get("stopped").processed()).isEqualTo(1);
		assertThat(this.system.deadLetterCount()).isZero();
	}

	@Test
	void aPipedOutcomeCountsOnceWhateverItsMapperDoes() {
		ActorRef actor = this.system.spawn("piper", new Piper());
		this.bridge.call(actor, new Pipe(Outcome.NULL), TIMEOUT);
		this.bridge.call(actor, new Pipe(Outcome.THROWS), TIMEOUT);
		this.bridge.call(actor, new Pipe(Outcome.MESSAGE), TIMEOUT);
		this.bridge.call(actor, new Pipe(Outcome.UNHANDLED), TIMEOUT);
		// four pipe requests, then their outcomes: null, thrown, a handled message (one
		// each) and an unhandled one (a dead letter), then this call
		assertThat(this.bridge.<String>call(actor, "done?", TIMEOUT)).isEqualTo("done");
		ActorInfo info = this.system.actor("piper").orElseThrow();
		assertThat(info.processed()).isEqualTo(4 + 3 + 1);
		assertThat(info.failures()).isEqualTo(1);
		assertThat(this.system.deadLetterCount()).isEqualTo(1);
	}

	@Test
	void timerTicksCountAsSignalsNotAsMessages() throws InterruptedException {
		ActorRef actor = this.system.spawn("ticking", new Object() {

			@Handles
			void tick(String tick) {
			}

		}, SpawnOptions.defaults().withPeriodicTimer("tick", "tick", Duration.ofMillis(1)));
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (this.system.actor(actor.name()).orElseThrow().signals() < 5 && System.nanoTime() < deadline) {
			Thread.sleep(1);
		}
		ActorInfo info = this.system.actor(actor.name()).orElseThrow();
		assertThat(info.signals()).isGreaterThanOrEqualTo(5);
		assertThat(info.processed()).isZero();
	}

	@Test
	void underLoadWithEveryFeatureEachMessageIsProcessedOrADeadLetterExactlyOnce() throws InterruptedException {
		Map<String, ActorInfo> ended = new ConcurrentHashMap<>();
		this.system.addTerminationListener((actor) -> ended.put(actor.name(), actor));
		AtomicLong pipes = new AtomicLong();
		int actors = 8;
		ActorRef[] refs = new ActorRef[actors];
		for (int i = 0; i < actors; i++) {
			SpawnOptions options = SpawnOptions.defaults().withStashCapacity(8);
			if (i % 2 == 0) {
				options = options.withMailboxCapacity(64);
			}
			refs[i] = this.system.spawn("busy-" + i, new Busy(pipes), options);
		}
		LongAdder sent = new LongAdder();
		int senders = 4;
		int perSender = 20_000;
		Thread[] threads = new Thread[senders];
		for (int t = 0; t < senders; t++) {
			threads[t] = new Thread(() -> {
				ThreadLocalRandom random = ThreadLocalRandom.current();
				for (int i = 0; i < perSender; i++) {
					ActorRef target = refs[random.nextInt(actors)];
					int roll = random.nextInt(1000);
					Object message = (roll == 0) ? new Stop() : (roll < 20) ? (Object) Long.valueOf(roll) : roll;
					target.send(message);
					sent.increment();
				}
			});
			threads[t].start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		ShutdownReport report = this.system.shutdown(Duration.ofSeconds(30));
		assertThat(report.actorsNotStopped()).isEmpty();
		long processed = ended.values().stream().mapToLong(ActorInfo::processed).sum();
		assertThat(ended).hasSize(actors);
		assertThat(processed + this.deadLetters.sum()).isEqualTo(sent.sum() + pipes.get());
	}

	record UnstashAll() {
	}

	record Handled() {
	}

	static class Stasher {

		private int handled;

		@Handles
		void stash(String message, ActorContext context) {
			context.stash();
		}

		@Handles
		void unstash(UnstashAll unstash, ActorContext context) {
			context.unstashAll();
			context.become(new Object() {

				@Handles
				void take(String message) {
					Stasher.this.handled++;
				}

				@Handles
				int handled(Handled request) {
					return Stasher.this.handled;
				}

			});
		}

		@Handles
		int handled(Handled request) {
			return this.handled;
		}

	}

	enum Outcome {

		NULL, THROWS, MESSAGE, UNHANDLED

	}

	record Pipe(Outcome outcome) {
	}

	record Piped() {
	}

	static class Piper {

		@Handles
		boolean pipe(Pipe pipe, ActorContext context) {
			context.pipeToSelf(CompletableFuture.completedFuture(pipe.outcome()),
					(outcome, failure) -> switch (outcome) {
						case NULL -> null;
						case THROWS -> throw new IllegalStateException("the mapper fails");
						case MESSAGE -> new Piped();
						case UNHANDLED -> 42L;
					});
			return true;
		}

		@Handles
		void piped(Piped piped) {
		}

		@Handles
		String string(String message) {
			return "done";
		}

	}

	/**
	 * Stashes, unstashes, becomes, pipes, fails, starts timers and stops at random, as
	 * its messages say.
	 */
	static class Busy {

		private final AtomicLong pipes;

		Busy(AtomicLong pipes) {
			this.pipes = pipes;
		}

		@Handles
		void on(Integer roll, ActorContext context) {
			switch (roll % 8) {
				case 0 -> context.stash();
				case 1 -> context.unstashAll();
				case 2 -> context.become(new Busy(this.pipes));
				case 3 -> {
					try {
						context.unbecome();
					}
					catch (IllegalStateException ex) {
						// no become in effect
					}
				}
				case 4 -> {
					this.pipes.incrementAndGet();
					context.pipeToSelf(CompletableFuture.supplyAsync(() -> roll),
							(value, failure) -> (roll % 3 == 0) ? null : "piped " + value);
				}
				case 5 -> throw new IllegalStateException("a failure, resumed");
				case 6 -> context.timers().startSingle("tick", "tick", Duration.ofMillis(1));
				default -> {
				}
			}
		}

		@Handles
		void on(String piped) {
		}

	}

}
