package io.actorbeans;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The runtime's own fault paths: a spawn that fails, a shutdown's abort racing the end of
 * a turn, what is thrown outside the handlers, and a handler that blocks on the Bridge in
 * the shared pool.
 */
@Timeout(60)
class FaultPathTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@Test
	void aSpawnThatFailsOnItsNameStartsNoTimerAndDestroysItsBehaviour() throws InterruptedException {
		try (ActorSystem system = ActorSystem.create()) {
			system.spawn("taken", new Object());
			AtomicInteger ticks = new AtomicInteger();
			AtomicBoolean destroyed = new AtomicBoolean();
			BehaviorFactory factory = new BehaviorFactory() {

				@Override
				public Object create() {
					return new TickCounter(ticks);
				}

				@Override
				public void destroy(Object behavior) {
					destroyed.set(true);
				}

			};
			SpawnOptions options = SpawnOptions.defaults().withPeriodicTimer("tick", "tick", Duration.ofMillis(1));
			assertThatExceptionOfType(ActorNameInUseException.class)
				.isThrownBy(() -> system.spawn("taken", factory, options));
			assertThat(destroyed).isTrue();
			// a hundred ticks would have come due by now
			Thread.sleep(100);
			assertThat(ticks).hasValue(0);
		}
	}

	@Test
	void anActorAbortedWhileItsTurnEndsIsStillFinished() {
		// Shutdown with no time to drain aborts the actor while a sender keeps it busy;
		// the abort often lands while a turn is ending.
		for (int round = 0; round < 300; round++) {
			ActorSystem system = ActorSystem
				.create(ActorSystemSettings.defaults().withName("abort-" + round).withSharedPoolSize(1));
			AtomicInteger destroyed = new AtomicInteger();
			BehaviorFactory factory = new BehaviorFactory() {

				@Override
				public Object create() {
					return new TickCounter(new AtomicInteger());
				}

				@Override
				public void destroy(Object behavior) {
					destroyed.incrementAndGet();
				}

			};
			ActorRef busy = system.spawn("busy", factory, SpawnOptions.defaults());
			AtomicBoolean sending = new AtomicBoolean(true);
			Thread sender = new Thread(() -> {
				while (sending.get()) {
					busy.send("tick");
					Thread.onSpinWait();
				}
			});
			sender.start();
			system.shutdown(Duration.ofNanos(1));
			sending.set(false);
			// not stuck in a handler, so it ends: at once, or once its turn gets a thread
			long deadline = System.nanoTime() + TIMEOUT.toNanos();
			while (system.lookup("busy").isPresent() && System.nanoTime() < deadline) {
				Thread.onSpinWait();
			}
			assertThat(system.lookup("busy")).as("round %d", round).isEmpty();
			assertThat(destroyed).as("round %d", round).hasValue(1);
		}
	}

	@Test
	void aStopRequesterWhoseSendThrowsLeavesTheActorFinishedAndThePoolWorking() throws InterruptedException {
		try (ActorSystem system = ActorSystem
			.create(ActorSystemSettings.defaults().withName("throwing-sender").withSharedPoolSize(1))) {
			ActorRef survivor = system.spawn("survivor", new Echo());
			Queue<ActorInfo> ended = new ConcurrentLinkedQueue<>();
			system.addTerminationListener(ended::add);
			for (int round = 0; round < 200; round++) {
				ActorRef doomed = system.spawn("doomed-" + round, new Echo());
				// the survivor's turn and the doomed actor's Stop meet in one worker's
				// task
				survivor.send("ping");
				doomed.send(new Stop(), new ThrowingRef());
				assertThat(system.bridge().<String>call(survivor, "ping", TIMEOUT)).isEqualTo("ping");
			}
			long deadline = System.nanoTime() + TIMEOUT.toNanos();
			while (ended.size() < 200 && System.nanoTime() < deadline) {
				Thread.sleep(1);
			}
			assertThat(ended).hasSize(200);
			assertThat(system.actors()).extracting(ActorInfo::name).containsExactly("survivor");
		}
	}

	@Test
	void aHandlerThatCallsTheBridgeInAPoolOfOneThreadGetsItsReply() {
		try (ActorSystem system = ActorSystem
			.create(ActorSystemSettings.defaults().withName("pool-of-one").withSharedPoolSize(1))) {
			ActorRef echo = system.spawn("echo", new Echo());
			ActorRef caller = system.spawn("caller", new BridgeCaller(system.bridge(), echo));
			assertThat(system.bridge().<String>call(caller, "hello", Duration.ofSeconds(20))).isEqualTo("echo: hello");
		}
	}

	@Test
	void manyHandlersBlockedOnTheBridgeAtOnceAllGetTheirReplies() {
		try (ActorSystem system = ActorSystem
			.create(ActorSystemSettings.defaults().withName("pool-of-two").withSharedPoolSize(2))) {
			ActorRef echo = system.spawn("echo", new Echo());
			List<Bridge.Request> requests = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				ActorRef caller = system.spawn("caller-" + i, new BridgeCaller(system.bridge(), echo));
				requests.add(new Bridge.Request(caller, "hello " + i));
			}
			List<@Nullable Object> replies = system.bridge().multiCall(requests, Duration.ofSeconds(20), null);
			for (int i = 0; i < 16; i++) {
				assertThat(replies.get(i)).isEqualTo("echo: hello " + i);
			}
		}
	}

	static class TickCounter {

		private final AtomicInteger ticks;

		TickCounter(AtomicInteger ticks) {
			this.ticks = ticks;
		}

		@Handles
		void tick(String tick) {
			this.ticks.incrementAndGet();
		}

	}

	static class Echo {

		@Handles
		String echo(String message) {
			return message;
		}

	}

	/** Calls another actor through the Bridge from its handler, blocking its thread. */
	static class BridgeCaller {

		private final Bridge bridge;

		private final ActorRef target;

		BridgeCaller(Bridge bridge, ActorRef target) {
			this.bridge = bridge;
			this.target = target;
		}

		@Handles
		String call(String message) {
			return "echo: " + this.bridge.<String>call(this.target, message, Duration.ofSeconds(10));
		}

	}

	/** A sender whose send throws: the runtime must survive replying Stopped to it. */
	static class ThrowingRef implements ActorRef {

		@Override
		public String name() {
			return "throwing";
		}

		@Override
		public void send(Object message, @Nullable ActorRef sender) {
			throw new IllegalStateException("this ref refuses every message");
		}

	}

}
