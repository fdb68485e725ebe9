package io.actorbeans;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the system-wide mailbox capacity
 * ({@link ActorSystemSettings#withMailboxCapacity(int)}): an actor spawned without a
 * capacity of its own gets the system's, and a capacity in its {@link SpawnOptions}
 * overrides it, 0 for no limit.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SystemMailboxCapacityTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ActorSystem system = ActorSystem.create(ActorSystemSettings.defaults()
		.withName("system-mailbox-capacity")
		.withMailboxCapacity(2)
		.withShutdownTimeout(Duration.ofSeconds(5)));

	private final CountDownLatch gate = new CountDownLatch(1);

	@AfterEach
	void close() {
		this.gate.countDown();
		this.system.close();
	}

	@Test
	void actorWithoutACapacityOfItsOwnRefusesTheMessageBeyondTheSystemCapacity() throws InterruptedException {
		Recorder recorder = new Recorder();
		ActorRef actor = blocked("default-capacity", recorder, SpawnOptions.defaults());
		this.system.bridge().send(actor, 1);
		this.system.bridge().send(actor, 2);
		assertThatExceptionOfType(MailboxFullException.class).isThrownBy(() -> this.system.bridge().send(actor, 3))
			.satisfies((ex) -> assertThat(ex.actor()).isEqualTo("default-capacity"));
		this.gate.countDown();
		awaitDrained("default-capacity");
		assertThat(this.system.bridge().<List<Integer>>call(actor, "received", TIMEOUT)).containsExactly(1, 2);
	}

	@Test
	void messageBeyondTheSystemCapacityIsADeadLetterMailboxFull() throws InterruptedException {
		List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
		this.system.addDeadLetterListener(deadLetters::add);
		ActorRef actor = blocked("dead-letters", new Recorder(), SpawnOptions.defaults());
		actor.send(1);
		actor.send(2);
		actor.send(3);
		await(() -> !deadLetters.isEmpty());
		assertThat(deadLetters).singleElement().satisfies((deadLetter) -> {
			assertThat(deadLetter.message()).isEqualTo(3);
			assertThat(deadLetter.reason()).isEqualTo(DeadLetter.Reason.MAILBOX_FULL);
		});
	}

	@Test
	void capacityOfTheSpawnOptionsOverridesTheSystemCapacity() throws InterruptedException {
		Recorder recorder = new Recorder();
		ActorRef actor = blocked("own-capacity", recorder, SpawnOptions.defaults().withMailboxCapacity(3));
		for (int i = 1; i <= 3; i++) {
			this.system.bridge().send(actor, i);
		}
		assertThatExceptionOfType(MailboxFullException.class).isThrownBy(() -> this.system.bridge().send(actor, 4));
		this.gate.countDown();
		awaitDrained("own-capacity");
		assertThat(this.system.bridge().<List<Integer>>call(actor, "received", TIMEOUT)).containsExactly(1, 2, 3);
	}

	@Test
	void capacityZeroInTheSpawnOptionsMeansNoLimit() throws InterruptedException {
		Recorder recorder = new Recorder();
		ActorRef actor = blocked("unbounded", recorder, SpawnOptions.defaults().withMailboxCapacity(0));
		for (int i = 1; i <= 10; i++) {
			this.system.bridge().send(actor, i);
		}
		this.gate.countDown();
		assertThat(this.system.bridge().<List<Integer>>call(actor, "received", TIMEOUT)).containsExactly(1, 2, 3, 4, 5,
				6, 7, 8, 9, 10);
	}

	@Test
	void mailboxTakesMessagesAgainOnceDrained() throws InterruptedException {
		Recorder recorder = new Recorder();
		ActorRef actor = blocked("drained", recorder, SpawnOptions.defaults());
		this.system.bridge().send(actor, 1);
		this.system.bridge().send(actor, 2);
		this.gate.countDown();
		awaitDrained("drained");
		this.system.bridge().send(actor, 3);
		this.system.bridge().send(actor, 4);
		awaitDrained("drained");
		assertThat(this.system.bridge().<List<Integer>>call(actor, "received", TIMEOUT)).containsExactly(1, 2, 3, 4);
	}

	/** Spawn an actor and keep it busy in a handler until the gate opens. */
	private ActorRef blocked(String name, Recorder recorder, SpawnOptions options) throws InterruptedException {
		ActorRef actor = this.system.spawn(name, recorder, options);
		CountDownLatch started = new CountDownLatch(1);
		this.system.bridge().send(actor, new Block(started, this.gate));
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		return actor;
	}

	private void awaitDrained(String name) throws InterruptedException {
		await(() -> this.system.actor(name).map(ActorInfo::mailboxSize).orElse(-1) == 0);
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime() - deadline).as("waited " + TIMEOUT).isNegative();
			Thread.sleep(1);
		}
	}

	record Block(CountDownLatch started, CountDownLatch gate) {
	}

	static final class Recorder {

		private final List<Integer> received = new CopyOnWriteArrayList<>();

		@Handles
		void onBlock(Block block) throws InterruptedException {
			block.started().countDown();
			block.gate().await(10, TimeUnit.SECONDS);
		}

		@Handles
		void onNumber(Integer number) {
			this.received.add(number);
		}

		@Handles
		List<Integer> onQuery(String query) {
			return List.copyOf(this.received);
		}

	}

}
