package io.actorbeans.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.actorbeans.ActorContext;
import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.Handles;
import io.actorbeans.Stop;
import io.actorbeans.Terminated;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The TestProbe: expecting messages, their senders, replies, watching, and the errors a
 * failing expectation gives.
 */
@Timeout(10)
class TestProbeTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private final ActorSystem system = ActorSystem.create();

	@AfterEach
	void shutdown() {
		this.system.close();
	}

	@Test
	void expectsTheRepliesOfTheActorUnderTestInOrder() {
		ActorRef warehouse = this.system.spawn("warehouse", new Warehouse());
		TestProbe probe = TestProbe.create(this.system);
		warehouse.send(3);
		warehouse.send(4);
		warehouse.send(new GetInventory(), probe);
		assertThat(probe.expectMessage(List.class, TIMEOUT)).isEqualTo(List.of(3, 4));
		assertThat(probe.lastSender()).isEqualTo(warehouse);
		warehouse.send(new GetInventory(), probe);
		assertThat(probe.expectMessage(List.of(3, 4), TIMEOUT)).isEqualTo(List.of(3, 4));
	}

	@Test
	void repliesToTheSenderOfTheLastMessage() {
		TestProbe collaborator = TestProbe.create(this.system, "collaborator");
		ActorRef client = this.system.spawn("client", new Client(collaborator));
		TestProbe caller = TestProbe.create(this.system);
		client.send(new Lookup("ada"), caller);
		assertThat(collaborator.expectMessage(Lookup.class, TIMEOUT)).isEqualTo(new Lookup("ada"));
		assertThat(collaborator.lastSender()).isEqualTo(client);
		collaborator.reply("Ada Lovelace");
		assertThat(caller.expectMessage(String.class, TIMEOUT)).isEqualTo("found Ada Lovelace");
	}

	@Test
	void expectNoMessagePassesWhenNothingComesAndFailsNamingWhatCame() {
		TestProbe probe = TestProbe.create(this.system, "quiet");
		probe.expectNoMessage(Duration.ofMillis(50));
		probe.send("surprise");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> probe.expectNoMessage(TIMEOUT))
			.withMessageContaining("'quiet'")
			.withMessageContaining("surprise");
	}

	@Test
	void aMissingOrWrongMessageFailsWithAClearMessage() {
		TestProbe probe = TestProbe.create(this.system, "strict");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> probe.expectMessage(String.class, Duration.ofMillis(20)))
			.withMessage("TestProbe 'strict' expected a java.lang.String within 20 ms but received nothing");
		probe.send(42);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> probe.expectMessage(String.class, TIMEOUT))
			.withMessage("TestProbe 'strict' expected a java.lang.String but received java.lang.Integer: 42");
	}

	@Test
	void replyingWithoutASenderIsAnError() {
		TestProbe probe = TestProbe.create(this.system, "lonely");
		probe.send("no sender");
		probe.receiveMessage(TIMEOUT);
		assertThatIllegalStateException().isThrownBy(() -> probe.reply("hello")).withMessageContaining("'lonely'");
	}

	@Test
	void watchesAnActorAndExpectsItsEnd() {
		ActorRef warehouse = this.system.spawn("warehouse", new Warehouse());
		TestProbe probe = TestProbe.create(this.system);
		probe.watch(warehouse);
		warehouse.send(new Stop());
		assertThat(probe.expectTerminated(warehouse, TIMEOUT)).isEqualTo(new Terminated(warehouse, false));
	}

	@Test
	void closingStopsTheProbesActor() {
		TestProbe probe = TestProbe.create(this.system, "closing");
		TestProbe watcher = TestProbe.create(this.system);
		watcher.watch(probe.ref());
		probe.close();
		watcher.expectTerminated(probe.ref(), TIMEOUT);
		assertThat(this.system.lookup("closing")).isEmpty();
	}

	@Test
	void aProbeMadeToSpawnOnFirstUseAsksForItsSystemOnlyWhenUsed() {
		AtomicInteger asked = new AtomicInteger();
		TestProbe probe = TestProbe.createOnFirstUse(() -> {
			asked.incrementAndGet();
			return this.system;
		}, "lazy");
		assertThat(probe.name()).isEqualTo("lazy");
		assertThat(asked).hasValue(0);
		assertThat(this.system.lookup("lazy")).isEmpty();
		probe.send("first");
		assertThat(asked).hasValue(1);
		assertThat(this.system.lookup("lazy")).contains(probe.ref());
		assertThat(probe.expectMessage(String.class, TIMEOUT)).isEqualTo("first");
	}

	@Test
	void threadsUsingAProbeFirstAllAtOnceSpawnOneActor() throws InterruptedException {
		AtomicInteger asked = new AtomicInteger();
		TestProbe probe = TestProbe.createOnFirstUse(() -> {
			asked.incrementAndGet();
			return this.system;
		}, "contended");
		int threads = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> senders = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int message = t;
			Thread sender = new Thread(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					return;
				}
				probe.send(message);
			});
			sender.start();
			senders.add(sender);
		}
		start.countDown();
		for (Thread sender : senders) {
			sender.join(5_000);
		}
		Set<Object> received = new HashSet<>();
		for (int t = 0; t < threads; t++) {
			received.add(probe.receiveMessage(TIMEOUT));
		}
		assertThat(received).hasSize(threads);
		assertThat(asked).hasValue(1);
	}

	@Test
	void aProbeMadeToSpawnOnFirstUseForgetsWhatItHadOnCloseAndSpawnsAFreshActorWhenUsedAgain() {
		TestProbe probe = TestProbe.createOnFirstUse(() -> this.system, "reused");
		probe.send("before close");
		ActorRef first = probe.ref();
		probe.close();
		assertThat(this.system.lookup("reused")).isEmpty();
		probe.send("after close");
		assertThat(probe.ref()).isNotEqualTo(first);
		assertThat(probe.expectMessage(String.class, TIMEOUT)).isEqualTo("after close");
		probe.expectNoMessage(Duration.ofMillis(50));
	}

	@Test
	void aProbeWhoseSupplierGivesNoSystemSaysSo() {
		TestProbe probe = TestProbe.createOnFirstUse(() -> null, "orphan");
		assertThatIllegalStateException().isThrownBy(() -> probe.send("lost"))
			.withMessage("TestProbe 'orphan' cannot spawn its actor: its system supplier gave null");
	}

	record GetInventory() {
	}

	record Lookup(String key) {
	}

	static class Warehouse {

		private final List<Integer> inventory = new java.util.ArrayList<>();

		@Handles
		void onInteger(Integer value) {
			this.inventory.add(value);
		}

		@Handles
		List<Integer> onGetInventory(GetInventory request) {
			return List.copyOf(this.inventory);
		}

	}

	static class Client {

		private final ActorRef directory;

		private ActorRef requester;

		Client(ActorRef directory) {
			this.directory = directory;
		}

		@Handles
		void onLookup(Lookup lookup, ActorRef sender, ActorContext context) {
			this.requester = sender;
			this.directory.send(lookup, context.self());
		}

		@Handles
		void onAnswer(String answer, ActorContext context) {
			this.requester.send("found " + answer, context.self());
		}

	}

}
