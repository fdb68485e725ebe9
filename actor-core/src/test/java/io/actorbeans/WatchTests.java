package io.actorbeans;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Watch: Terminated for a normal end and a failure, for an actor that had already ended,
 * never after unwatch, and exactly once when the watch races the end.
 */
@Timeout(30)
class WatchTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ActorSystem system = ActorSystem.create();

	private final Bridge bridge = this.system.bridge();

	@AfterEach
	void shutdown() {
		this.system.close();
	}

	@Test
	void aWatcherLearnsThatTheWatchedActorStoppedNormally() throws InterruptedException {
		BlockingQueue<Terminated> ended = new LinkedBlockingQueue<>();
		ActorRef watched = this.system.spawn("watched", new Idle());
		ActorRef watcher = this.system.spawn("watcher", new Watcher(ended));
		this.bridge.call(watcher, new Watch(watched), TIMEOUT);
		watched.send(new Stop());
		assertThat(ended.poll(5, TimeUnit.SECONDS)).isEqualTo(new Terminated(watched, false));
	}

	@Test
	void aWatcherLearnsThatTheWatchedActorFailed() throws InterruptedException {
		BlockingQueue<Terminated> ended = new LinkedBlockingQueue<>();
		ActorRef watched = this.system.spawn("fragile", new Idle(),
				SpawnOptions.defaults().withFailurePolicy(FailurePolicy.STOP));
		ActorRef watcher = this.system.spawn("watcher", new Watcher(ended));
		this.bridge.call(watcher, new Watch(watched), TIMEOUT);
		watched.send(new Boom());
		assertThat(ended.poll(5, TimeUnit.SECONDS)).isEqualTo(new Terminated(watched, true));
	}

	@Test
	void watchingAnActorThatHasEndedDeliversTerminatedAtOnce() throws InterruptedException {
		BlockingQueue<Terminated> ended = new LinkedBlockingQueue<>();
		ActorRef watched = this.system.spawn("gone", new Idle());
		assertThat(this.bridge.stop(List.of(watched), TIMEOUT)).containsExactly(new Stopped("gone"));
		ActorRef watcher = this.system.spawn("late-watcher", new Watcher(ended));
		this.bridge.call(watcher, new Watch(watched), TIMEOUT);
		assertThat(ended.poll(5, TimeUnit.SECONDS)).isEqualTo(new Terminated(watched, false));
	}

	@Test
	void watchingTwiceDeliversOneTerminated() throws InterruptedException {
		BlockingQueue<Terminated> ended = new LinkedBlockingQueue<>();
		ActorRef watched = this.system.spawn("watched", new Idle());
		ActorRef watcher = this.system.spawn("watcher", new Watcher(ended));
		this.bridge.call(watcher, new Watch(watched), TIMEOUT);
		this.bridge.call(watcher, new Watch(watched), TIMEOUT);
		watched.send(new Stop());
		assertThat(ended.poll(5, TimeUnit.SECONDS)).isNotNull();
		assertThat(ended.poll(100, TimeUnit.MILLISECONDS)).isNull();
	}

	@Test
	void afterUnwatchNoTerminatedIsHandledEvenOneAlreadyInTheMailbox() throws InterruptedException {
		BlockingQueue<Terminated> ended = new LinkedBlockingQueue<>();
		ActorRef watched = this.system.spawn("watched", new Idle());
		ActorRef watcher = this.system.spawn("watcher", new Watcher(ended));
		// the handler watches, stops the target, waits until the Terminated is in its
		// mailbox, and then unwatches
		assertThat(this.bridge.<Integer>call(watcher, new WatchStopUnwatch(watched), TIMEOUT))
			.isGreaterThanOrEqualTo(1);
		assertThat(this.bridge.<String>call(watcher, "after", TIMEOUT)).isEqualTo("after");
		assertThat(ended).isEmpty();
	}

	@Test
	void watchingActorsWhileTheyStopDeliversExactlyOneTerminatedEach() throws InterruptedException {
		int actors = 2_000;
		Map<String, Integer> terminations = new ConcurrentHashMap<>();
		CountDownLatch allEnded = new CountDownLatch(actors);
		ActorRef watcher = this.system.spawn("counter", new CountingWatcher(terminations, allEnded));
		List<ActorRef> watched = new ArrayList<>();
		for (int i = 0; i < actors; i++) {
			watched.add(this.system.spawn("target-" + i, new Idle()));
		}
		Thread stopper = new Thread(() -> watched.forEach((actor) -> actor.send(new Stop())));
		stopper.start();
		for (ActorRef actor : watched) {
			watcher.send(new Watch(actor));
		}
		stopper.join(TimeUnit.SECONDS.toMillis(10));
		assertThat(allEnded.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(terminations).hasSize(actors);
		assertThat(terminations.values()).containsOnly(1);
		// a shutdown finishes everything in flight, a second Terminated included
		assertThat(this.system.shutdown(TIMEOUT).completed()).isTrue();
		assertThat(terminations).hasSize(actors);
		assertThat(terminations.values()).containsOnly(1);
	}

	@Test
	void watchingARefThatIsNotAnActorOfTheSystemIsRejected() {
		ActorRef watcher = this.system.spawn("watcher", new Watcher(new LinkedBlockingQueue<>()));
		try (ActorSystem other = ActorSystem.create(ActorSystemSettings.defaults().withName("other"))) {
			ActorRef stranger = other.spawn("stranger", new Idle());
			assertThatExceptionOfType(HandlerFailedException.class)
				.isThrownBy(() -> this.bridge.call(watcher, new Watch(stranger), TIMEOUT))
				.withCauseInstanceOf(IllegalArgumentException.class)
				.withMessageContaining("stranger");
		}
	}

	record Watch(ActorRef actor) {
	}

	record WatchStopUnwatch(ActorRef actor) {
	}

	record Boom() {
	}

	static class Idle {

		@Handles
		void onBoom(Boom boom) {
			throw new IllegalStateException("boom");
		}

	}

	static class Watcher {

		private final BlockingQueue<Terminated> ended;

		Watcher(BlockingQueue<Terminated> ended) {
			this.ended = ended;
		}

		@Handles
		boolean onWatch(Watch watch, ActorContext context) {
			context.watch(watch.actor());
			return true;
		}

		@Handles
		int onWatchStopUnwatch(WatchStopUnwatch request, ActorContext context) {
			context.watch(request.actor());
			request.actor().send(new Stop());
			int waiting = TimerTests.awaitMailbox(context);
			context.unwatch(request.actor());
			return waiting;
		}

		@Handles
		void onTerminated(Terminated terminated) {
			this.ended.add(terminated);
		}

		@Handles
		String onString(String message) {
			return message;
		}

	}

	static class CountingWatcher {

		private final Map<String, Integer> terminations;

		private final CountDownLatch allEnded;

		CountingWatcher(Map<String, Integer> terminations, CountDownLatch allEnded) {
			this.terminations = terminations;
			this.allEnded = allEnded;
		}

		@Handles
		void onWatch(Watch watch, ActorContext context) {
			context.watch(watch.actor());
		}

		@Handles
		void onTerminated(Terminated terminated) {
			this.terminations.merge(terminated.actor().name(), 1, Integer::sum);
			this.allEnded.countDown();
		}

	}

}
