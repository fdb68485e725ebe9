package io.actorbeans;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the outside learns of an actor's life: termination listeners, behaviours handed
 * back to their factory, and the time handlers take.
 */
@Timeout(10)
class LifecycleTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ActorSystem system = ActorSystem.create();

	@AfterEach
	void shutdown() {
		this.system.close();
	}

	@Test
	void terminationListenerLearnsOfEachActorThatEndsWithItsFinalFigures() throws InterruptedException {
		List<ActorInfo> ended = new CopyOnWriteArrayList<>();
		CountDownLatch twoEnded = new CountDownLatch(2);
		this.system.addTerminationListener((actor) -> {
			ended.add(actor);
			twoEnded.countDown();
		});
		ActorRef calm = this.system.spawn("calm", new Counter());
		ActorRef fragile = this.system.spawn("fragile", new Counter(),
				SpawnOptions.defaults().withFailurePolicy(FailurePolicy.STOP));
		calm.send(new Increment());
		calm.send(new Stop());
		fragile.send(new Fail());
		assertThat(twoEnded.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(ended).extracting(ActorInfo::name, ActorInfo::state, ActorInfo::processed, ActorInfo::failures)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("calm", ActorState.STOPPED, 2L, 0L),
					org.assertj.core.groups.Tuple.tuple("fragile", ActorState.FAILED, 1L, 1L));
	}

	@Test
	void removedTerminationListenerIsNotCalled() {
		List<ActorInfo> ended = new CopyOnWriteArrayList<>();
		TerminationListener listener = ended::add;
		this.system.addTerminationListener(listener);
		this.system.removeTerminationListener(listener);
		ActorRef actor = this.system.spawn("quiet", new Counter());
		assertThat(this.system.bridge().stop(List.of(actor), TIMEOUT)).containsExactly(new Stopped("quiet"));
		assertThat(ended).isEmpty();
	}

	@Test
	void theNameIsFreeOnceTheTerminationListenerIsCalled() throws InterruptedException {
		CountDownLatch ended = new CountDownLatch(1);
		this.system.addTerminationListener((actor) -> ended.countDown());
		ActorRef first = this.system.spawn("reused", new Counter());
		first.send(new Stop());
		assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(this.system.spawn("reused", new Counter()).name()).isEqualTo("reused");
	}

	@Test
	void factoryDestroysTheLastBehaviourWhenTheActorStops() {
		TrackingFactory factory = new TrackingFactory();
		ActorRef actor = this.system.spawn("tracked", factory, SpawnOptions.defaults());
		assertThat(factory.destroyed).isEmpty();
		assertThat(this.system.bridge().stop(List.of(actor), TIMEOUT)).containsExactly(new Stopped("tracked"));
		assertThat(factory.destroyed).containsExactlyElementsOf(factory.created);
	}

	@Test
	void factoryDestroysTheOldBehaviourAtARestart() {
		TrackingFactory factory = new TrackingFactory();
		ActorRef actor = this.system.spawn("restarting", factory,
				SpawnOptions.defaults().withFailurePolicy(FailurePolicy.RESTART));
		Bridge bridge = this.system.bridge();
		assertThatExceptionOfType(HandlerFailedException.class)
			.isThrownBy(() -> bridge.call(actor, new Fail(), TIMEOUT));
		assertThat(bridge.<Integer>call(actor, new Increment(), TIMEOUT)).isEqualTo(1);
		assertThat(factory.created).hasSize(2);
		assertThat(factory.destroyed).containsExactly(factory.created.get(0));
	}

	@Test
	void factoryDestroysTheBehaviourOfASpawnThatFails() {
		TrackingFactory factory = new TrackingFactory();
		this.system.spawn("taken", new Counter());
		assertThatExceptionOfType(ActorNameInUseException.class)
			.isThrownBy(() -> this.system.spawn("taken", factory, SpawnOptions.defaults()));
		assertThat(factory.created).hasSize(1);
		assertThat(factory.destroyed).containsExactlyElementsOf(factory.created);
	}

	@Test
	void aFactoryThatFailsToDestroyDoesNotKeepTheActorFromEnding() {
		BehaviorFactory factory = new BehaviorFactory() {

			@Override
			public Object create() {
				return new Counter();
			}

			@Override
			public void destroy(Object behavior) {
				throw new IllegalStateException("cannot destroy");
			}

		};
		ActorRef actor = this.system.spawn("stubborn", factory, SpawnOptions.defaults());
		assertThat(this.system.bridge().stop(List.of(actor), TIMEOUT)).containsExactly(new Stopped("stubborn"));
		assertThat(this.system.lookup("stubborn")).isEmpty();
	}

	@Test
	void processingTimeEstimatesTheTimeHandlersTake() throws InterruptedException {
		ActorRef actor = this.system.spawn("sleepy", new Counter());
		Bridge bridge = this.system.bridge();
		int naps = 400;
		for (int i = 0; i < naps; i++) {
			bridge.call(actor, new Nap(), TIMEOUT);
		}
		// one turn in 16, at random, is timed and counts 16 times: with 400 turns the
		// estimate is within a factor of 4 of the truth but for odds of about one in a
		// million; the figure is added at the end of a turn, a moment after its reply
		Duration atLeast = Duration.ofMillis(naps * Nap.MILLIS / 4);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (this.system.actor("sleepy").orElseThrow().processingTime().compareTo(atLeast) < 0
				&& System.nanoTime() < deadline) {
			Thread.sleep(1);
		}
		assertThat(this.system.actor("sleepy").orElseThrow().processingTime()).isGreaterThanOrEqualTo(atLeast)
			.isLessThan(Duration.ofMillis(naps * Nap.MILLIS * 4 + 2_000));
	}

	record Increment() {
	}

	record Fail() {
	}

	record Nap() {

		static final long MILLIS = 1;

	}

	static final class Counter {

		private int count;

		@Handles
		int onIncrement(Increment increment) {
			return ++this.count;
		}

		@Handles
		void onFail(Fail fail) {
			throw new IllegalStateException("fail on purpose");
		}

		@Handles
		String onNap(Nap nap) throws InterruptedException {
			Thread.sleep(Nap.MILLIS);
			return "rested";
		}

	}

	static final class TrackingFactory implements BehaviorFactory {

		final List<Object> created = new CopyOnWriteArrayList<>();

		final List<Object> destroyed = new CopyOnWriteArrayList<>();

		@Override
		public Object create() {
			Counter counter = new Counter();
			this.created.add(counter);
			return counter;
		}

		@Override
		public void destroy(Object behavior) {
			this.destroyed.add(behavior);
		}

	}

}
