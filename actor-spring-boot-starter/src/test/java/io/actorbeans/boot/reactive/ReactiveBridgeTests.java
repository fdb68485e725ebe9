package io.actorbeans.boot.reactive;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.ActorSystemSettings;
import io.actorbeans.CallTimeoutException;
import io.actorbeans.Handles;
import io.actorbeans.HandlerFailedException;
import io.actorbeans.Stopped;
import io.actorbeans.boot.ReactiveBridge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ReactiveBridge}.
 */
@Timeout(30)
class ReactiveBridgeTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ActorSystem system = ActorSystem.create(ActorSystemSettings.defaults().withName("reactive"));

	private final Scheduler scheduler = Schedulers.newSingle("continuations");

	private final ReactiveBridge reactiveBridge = new ReactiveBridge(this.system.bridge(), this.scheduler);

	private final Counter counter = new Counter();

	private final ActorRef actor = this.system.spawn("counter", this.counter);

	@AfterEach
	void shutdown() {
		this.system.close();
		this.scheduler.dispose();
	}

	@Test
	void askRepliesOnTheSchedulerNotOnTheActorsThread() {
		String thread = this.reactiveBridge.<Integer>ask(this.actor, 1, TIMEOUT)
			.map((reply) -> Thread.currentThread().getName())
			.block(TIMEOUT);
		assertThat(thread).startsWith("continuations");
		assertThat(this.counter.threads).allSatisfy((actorThread) -> assertThat(actorThread).startsWith("reactive-"));
	}

	@Test
	void askSendsItsRequestWhenSubscribedToOnceForEachSubscription() {
		Mono<Integer> ask = this.reactiveBridge.ask(this.actor, 1);
		assertThat(this.reactiveBridge.<Integer>ask(this.actor, new Get(), TIMEOUT).block(TIMEOUT)).isZero();
		assertThat(ask.block(TIMEOUT)).isEqualTo(1);
		assertThat(ask.block(TIMEOUT)).isEqualTo(2);
	}

	@Test
	void askFailsAsTheHandlerFails() {
		assertThatExceptionOfType(HandlerFailedException.class)
			.isThrownBy(() -> this.reactiveBridge.ask(this.actor, -1, TIMEOUT).block(TIMEOUT))
			.withCauseInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void askFailsWithACallTimeoutWhenNoReplyComesInTime() {
		assertThatExceptionOfType(CallTimeoutException.class)
			.isThrownBy(() -> this.reactiveBridge.ask(this.actor, new Ignored(), Duration.ofMillis(50)).block(TIMEOUT))
			.withMessageContaining("Actor 'counter' did not reply");
	}

	@Test
	void multiCallRepliesInOrderWithTheDefaultForFailures() {
		List<Object> replies = this.reactiveBridge
			.multiCall(List.of(new io.actorbeans.Bridge.Request(this.actor, 5),
					new io.actorbeans.Bridge.Request(this.actor, -1), new io.actorbeans.Bridge.Request(this.actor, 1)),
					TIMEOUT, "none")
			.block(TIMEOUT);
		assertThat(replies).containsExactly(5, "none", 6);
	}

	@Test
	void sendDeliversWhenSubscribedToAndStopConfirms() {
		Mono<Void> send = this.reactiveBridge.send(this.actor, 3);
		assertThat(this.reactiveBridge.<Integer>ask(this.actor, new Get(), TIMEOUT).block(TIMEOUT)).isZero();
		send.block(TIMEOUT);
		assertThat(this.reactiveBridge.<Integer>ask(this.actor, new Get(), TIMEOUT).block(TIMEOUT)).isEqualTo(3);
		assertThat(this.reactiveBridge.stop(List.of(this.actor), TIMEOUT).block(TIMEOUT))
			.containsExactly(new Stopped("counter"));
		assertThat(this.reactiveBridge.stop(List.of(this.actor), TIMEOUT).block(TIMEOUT)).containsOnlyNulls();
	}

	record Get() {
	}

	record Ignored() {
	}

	static class Counter {

		final List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();

		private final AtomicInteger total = new AtomicInteger();

		@Handles
		Integer add(Integer value) {
			this.threads.add(Thread.currentThread().getName());
			if (value < 0) {
				throw new IllegalArgumentException("negative: " + value);
			}
			return this.total.addAndGet(value);
		}

		@Handles
		Integer get(Get get) {
			return this.total.get();
		}

		@Handles
		void ignore(Ignored ignored) {
		}

	}

}
