package io.actorbeans;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A graceful shutdown finishes all the work accepted before it, including what actors do
 * for each other meanwhile, and leaves no call or ask open.
 */
@Timeout(60)
class ShutdownDrainTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@Test
	void aPipeStillInFlightIsWaitedFor() {
		ActorSystem system = ActorSystem.create();
		BlockingQueue<Object> received = new LinkedBlockingQueue<>();
		CompletableFuture<String> slow = new CompletableFuture<>();
		ActorRef piper = system.spawn("piper", new Piper(received));
		system.bridge().call(piper, slow, TIMEOUT);
		CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS).execute(() -> slow.complete("late"));
		ShutdownReport report = system.shutdown(TIMEOUT);
		assertThat(received).containsExactly("piped: late");
		assertThat(report.deadLetters()).isZero();
	}

	@Test
	void aMessagePassedAroundARingIsHandledToTheEndBeforeActorsStop() {
		ActorSystem system = ActorSystem.create();
		// a scan visits each member of a long ring once, while the token moves on many
		// times:
		// it is seldom where the scan looks
		AtomicInteger lastHop = new AtomicInteger();
		int hops = 2_000_000;
		ActorRef[] ring = new ActorRef[2_000];
		for (int i = 0; i < ring.length; i++) {
			ring[i] = system.spawn("ring-" + i, new RingMember(ring, i, hops, lastHop));
		}
		ring[0].send(1);
		ShutdownReport report = system.shutdown(Duration.ofSeconds(30));
		assertThat(lastHop).hasValue(hops);
		assertThat(report.deadLetters()).isZero();
	}

	@Test
	void actorsAskPipeAndSpawnChildrenWhileTheShutdownDrains() throws InterruptedException {
		ActorSystem system = ActorSystem.create();
		BlockingQueue<Object> received = new LinkedBlockingQueue<>();
		CountDownLatch started = new CountDownLatch(1);
		ActorRef echo = system.spawn("echo", new Echo());
		ActorRef worker = system.spawn("worker", new LateWorker(system, echo, received, started));
		worker.send("go");
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		ShutdownReport report = system.shutdown(TIMEOUT);
		assertThat(received).containsExactlyInAnyOrder("asked: hello", "child: hi");
		assertThat(report.deadLetters()).isZero();
		assertThat(report.actorsNotStopped()).isEmpty();
	}

	@Test
	void outsideWorkIsRefusedOnceTheShutdownHasStarted() throws InterruptedException {
		ActorSystem system = ActorSystem.create();
		CountDownLatch release = new CountDownLatch(1);
		ActorRef blocked = system.spawn("blocked", new Blocker(release));
		blocked.send("block");
		CompletableFuture<ShutdownReport> report = CompletableFuture.supplyAsync(() -> system.shutdown(TIMEOUT));
		while (!system.isShutdown()) {
			Thread.sleep(1);
		}
		assertThatExceptionOfType(ActorSystemShutdownException.class)
			.isThrownBy(() -> system.bridge().call(blocked, "x", TIMEOUT));
		assertThatExceptionOfType(ActorSystemShutdownException.class)
			.isThrownBy(() -> system.spawn("late", new Object()));
		release.countDown();
		assertThat(report).succeedsWithin(TIMEOUT);
	}

	@Test
	void asksAndCallsStillOpenWhenTheShutdownEndsFailWithIt() throws InterruptedException {
		ActorSystem system = ActorSystem.create();
		ActorRef silent = system.spawn("silent", new Silent());
		CompletableFuture<Object> asked = system.bridge().ask(silent, "anyone?", Duration.ofMinutes(1));
		AtomicReference<Throwable> callFailure = new AtomicReference<>();
		CountDownLatch calling = new CountDownLatch(1);
		Thread caller = new Thread(() -> {
			calling.countDown();
			try {
				system.bridge().call(silent, "anyone?", Duration.ofMinutes(1));
			}
			catch (Throwable ex) {
				callFailure.set(ex);
			}
		});
		caller.start();
		assertThat(calling.await(5, TimeUnit.SECONDS)).isTrue();
		// until both requests were handled, and the caller has parked for the reply
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (system.actor("silent").orElseThrow().processed() < 2 && System.nanoTime() < deadline) {
			Thread.sleep(1);
		}
		Thread.sleep(50);
		system.shutdown(Duration.ofSeconds(1));
		assertThat(asked).isCompletedExceptionally();
		assertThatExceptionOfType(Exception.class).isThrownBy(asked::join)
			.withCauseInstanceOf(ActorSystemShutdownException.class);
		caller.join(TIMEOUT.toMillis());
		assertThat(caller.isAlive()).isFalse();
		assertThat(callFailure.get()).isInstanceOf(ActorSystemShutdownException.class).hasMessageContaining("'silent'");
	}

	static class Piper {

		private final BlockingQueue<Object> received;

		Piper(BlockingQueue<Object> received) {
			this.received = received;
		}

		@Handles
		boolean pipe(CompletableFuture<String> future, ActorContext context) {
			context.pipeToSelf(future, (value, failure) -> new Piped(String.valueOf(value)));
			return true;
		}

		@Handles
		void piped(Piped piped) {
			this.received.add("piped: " + piped.value());
		}

	}

	record Piped(String value) {
	}

	static class RingMember {

		private final ActorRef[] ring;

		private final int index;

		private final int hops;

		private final AtomicInteger lastHop;

		RingMember(ActorRef[] ring, int index, int hops, AtomicInteger lastHop) {
			this.ring = ring;
			this.index = index;
			this.hops = hops;
			this.lastHop = lastHop;
		}

		@Handles
		void hop(Integer hop, ActorContext context) {
			this.lastHop.set(hop);
			if (hop < this.hops) {
				this.ring[(this.index + 1) % this.ring.length].send(hop + 1, context.self());
			}
		}

	}

	static class Echo {

		@Handles
		String echo(String message) {
			return message;
		}

	}

	/** Starts its work, waits for the shutdown to begin, then asks, pipes and spawns. */
	static class LateWorker {

		private final ActorSystem system;

		private final ActorRef echo;

		private final BlockingQueue<Object> received;

		private final CountDownLatch started;

		LateWorker(ActorSystem system, ActorRef echo, BlockingQueue<Object> received, CountDownLatch started) {
			this.system = system;
			this.echo = echo;
			this.received = received;
			this.started = started;
		}

		@Handles
		void go(String go, ActorContext context) throws InterruptedException {
			this.started.countDown();
			while (!this.system.isShutdown()) {
				Thread.sleep(1);
			}
			CompletableFuture<String> reply = context.ask(this.echo, "hello", TIMEOUT);
			context.pipeToSelf(reply, (value, failure) -> new Piped("asked: " + ((failure != null) ? failure : value)));
			ActorRef child = context.spawn("child", new Echo());
			context.pipeToSelf(context.ask(child, "hi", TIMEOUT),
					(value, failure) -> new Piped("child: " + ((failure != null) ? failure : value)));
		}

		@Handles
		void piped(Piped piped) {
			this.received.add(piped.value());
		}

	}

	static class Blocker {

		private final CountDownLatch release;

		Blocker(CountDownLatch release) {
			this.release = release;
		}

		@Handles
		void block(String message) throws InterruptedException {
			this.release.await(20, TimeUnit.SECONDS);
		}

	}

	/** Takes every request and never replies. */
	static class Silent {

		@Handles
		void ignore(String request) {
		}

	}

}
