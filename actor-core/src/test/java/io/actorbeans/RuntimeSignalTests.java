package io.actorbeans;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runtime signals (a Stop from the system or a parent, Terminated, Stopped replies)
 * travel whatever the recipient's mailbox bound: a full mailbox refuses a user's message,
 * never one of them.
 */
@Timeout(30)
class RuntimeSignalTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ActorSystem system = ActorSystem.create();

	private final Bridge bridge = this.system.bridge();

	private final BlockingQueue<DeadLetter> refused = new LinkedBlockingQueue<>();

	RuntimeSignalTests() {
		this.system.addDeadLetterListener((deadLetter) -> {
			if (deadLetter.reason() == DeadLetter.Reason.MAILBOX_FULL) {
				this.refused.add(deadLetter);
			}
		});
	}

	@AfterEach
	void shutdown() {
		this.system.close();
	}

	@Test
	void aWatcherWhoseBoundedMailboxIsFullStillGetsTerminated() throws InterruptedException {
		BlockingQueue<Object> received = new LinkedBlockingQueue<>();
		CountDownLatch release = new CountDownLatch(1);
		ActorRef target = this.system.spawn("target", new Object());
		ActorRef watcher = this.system.spawn("watcher", new Blocking(received, release),
				SpawnOptions.defaults().withMailboxCapacity(1));
		this.bridge.call(watcher, new Watch(target), TIMEOUT);
		watcher.send(new Block());
		awaitEmptyMailbox(watcher);
		watcher.send("filler");
		watcher.send("overflow");
		// Stopped comes back once the target has finished and told its watchers
		assertThat(this.bridge.stop(List.of(target), TIMEOUT)).containsExactly(new Stopped("target"));
		release.countDown();
		assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("filler");
		assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(new Terminated(target, false));
		assertThat(this.refused).extracting(DeadLetter::message).containsExactly("overflow");
	}

	@Test
	void anActorWhoseBoundedMailboxIsFullGetsItsStoppedReply() throws InterruptedException {
		BlockingQueue<Object> received = new LinkedBlockingQueue<>();
		CountDownLatch release = new CountDownLatch(1);
		ActorRef target = this.system.spawn("target", new Object());
		ActorRef requester = this.system.spawn("requester", new Blocking(received, release),
				SpawnOptions.defaults().withMailboxCapacity(1));
		requester.send(new Block());
		awaitEmptyMailbox(requester);
		requester.send("filler");
		target.send(new Stop(), requester);
		awaitEnded("target");
		// the Stopped reply follows the target's end by a few instructions
		Thread.sleep(100);
		release.countDown();
		assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("filler");
		assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(new Stopped("target"));
		assertThat(this.refused).isEmpty();
	}

	@Test
	void aParentStopsAChildWhoseBoundedMailboxIsFull() throws InterruptedException {
		BlockingQueue<Object> received = new LinkedBlockingQueue<>();
		CountDownLatch release = new CountDownLatch(1);
		ActorRef parent = this.system.spawn("parent", new Parent(received, release));
		ActorRef child = this.bridge.call(parent, "spawn", TIMEOUT);
		child.send(new Block());
		awaitEmptyMailbox(child);
		child.send("filler");
		CompletableFuture<Object> stopped = this.bridge.ask(parent, new Stop(), TIMEOUT.multipliedBy(2));
		awaitState("parent", ActorState.STOPPED);
		// the parent's clean-up sends its children a Stop right after it terminates
		Thread.sleep(100);
		release.countDown();
		assertThat(stopped).succeedsWithin(TIMEOUT).isEqualTo(new Stopped("parent"));
		assertThat(received).containsExactly("filler");
		assertThat(this.refused).isEmpty();
		assertThat(this.system.actors()).isEmpty();
	}

	@Test
	void shutdownStopsAnActorWhoseBoundedMailboxIsFull() throws InterruptedException {
		BlockingQueue<Object> received = new LinkedBlockingQueue<>();
		CountDownLatch release = new CountDownLatch(1);
		ActorRef crowded = this.system.spawn("crowded", new Blocking(received, release),
				SpawnOptions.defaults().withMailboxCapacity(1));
		crowded.send(new Block());
		awaitEmptyMailbox(crowded);
		crowded.send("filler");
		CompletableFuture<ShutdownReport> report = CompletableFuture
			.supplyAsync(() -> this.system.shutdown(Duration.ofSeconds(4)));
		// the drain waits for the blocked actor for three quarters of the timeout (3 s);
		// its
		// Stop goes out then, while the filler still fills the mailbox
		Thread.sleep(3300);
		release.countDown();
		assertThat(report).succeedsWithin(TIMEOUT)
			.satisfies((shutdown) -> assertThat(shutdown.actorsStopped()).isEqualTo(1))
			.satisfies((shutdown) -> assertThat(shutdown.actorsNotStopped()).isEmpty())
			.satisfies((shutdown) -> assertThat(shutdown.deadLetters()).isZero());
		assertThat(received).containsExactly("filler");
		assertThat(this.refused).isEmpty();
	}

	private void awaitEmptyMailbox(ActorRef actor) throws InterruptedException {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (this.system.actor(actor.name()).orElseThrow().mailboxSize() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(1);
		}
	}

	private void awaitEnded(String name) throws InterruptedException {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (this.system.lookup(name).isPresent() && System.nanoTime() < deadline) {
			Thread.sleep(1);
		}
		assertThat(this.system.lookup(name)).isEmpty();
	}

	private void awaitState(String name, ActorState state) throws InterruptedException {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (this.system.actor(name).map(ActorInfo::state).orElse(null) != state && System.nanoTime() < deadline) {
			Thread.sleep(1);
		}
		assertThat(this.system.actor(name)).get().extracting(ActorInfo::state).isEqualTo(state);
	}

	record Block() {
	}

	record Watch(ActorRef target) {
	}

	/** Blocks in a handler until released, and records everything else it gets. */
	static class Blocking {

		private final BlockingQueue<Object> received;

		private final CountDownLatch release;

		Blocking(BlockingQueue<Object> received, CountDownLatch release) {
			this.received = received;
			this.release = release;
		}

		@Handles
		void block(Block block) throws InterruptedException {
			this.release.await(20, TimeUnit.SECONDS);
		}

		@Handles
		boolean watch(Watch watch, ActorContext context) {
			context.watch(watch.target());
			return true;
		}

		@Handles
		void other(Object message) {
			this.received.add(message);
		}

	}

	static class Parent {

		private final BlockingQueue<Object> received;

		private final CountDownLatch release;

		Parent(BlockingQueue<Object> received, CountDownLatch release) {
			this.received = received;
			this.release = release;
		}

		@Handles
		ActorRef spawn(String request, ActorContext context) {
			return context.spawn("child", new Blocking(this.received, this.release),
					SpawnOptions.defaults().withMailboxCapacity(1));
		}

	}

}
