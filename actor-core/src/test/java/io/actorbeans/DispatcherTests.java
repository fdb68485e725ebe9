package io.actorbeans;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The threads each {@link Dispatcher} runs handlers on.
 */
@Timeout(10)
class DispatcherTests {

	private static final Duration ONE_SECOND = Duration.ofSeconds(1);

	private static final int JAVA_VERSION = Runtime.version().feature();

	private final ActorSystem system = ActorSystem
		.create(ActorSystemSettings.defaults().withName("dispatch").withSharedPoolSize(4).withThroughput(8));

	@AfterEach
	void shutdown() {
		this.system.close();
	}

	// THREAD

	@Test
	void threadDispatcherRunsHandlersOnDedicatedThread() {
		ActorRef ref = this.system.spawn("loner", new ThreadReporter(),
				SpawnOptions.defaults().withDispatcher(Dispatcher.THREAD));
		Thread first = this.system.bridge().call(ref, new WhichThread(), ONE_SECOND);
		Thread second = this.system.bridge().call(ref, new WhichThread(), ONE_SECOND);
		assertThat(first.getName()).contains("loner");
		assertThat(first.getName()).doesNotContain("-shared-");
		assertThat(second).isSameAs(first);
		assertThat(this.system.actor("loner").get().dispatcher()).isEqualTo(Dispatcher.THREAD);
	}

	@Test
	void threadDispatcherGivesEachActorItsOwnThread() {
		SpawnOptions options = SpawnOptions.defaults().withDispatcher(Dispatcher.THREAD);
		ActorRef one = this.system.spawn("one", new ThreadReporter(), options);
		ActorRef two = this.system.spawn("two", new ThreadReporter(), options);
		Thread first = this.system.bridge().call(one, new WhichThread(), ONE_SECOND);
		Thread second = this.system.bridge().call(two, new WhichThread(), ONE_SECOND);
		assertThat(first).isNotSameAs(second);
		assertThat(first.getName()).contains("one");
		assertThat(second.getName()).contains("two");
	}

	@Test
	void threadOfThreadDispatcherEndsAfterActorStops() throws InterruptedException {
		ActorRef ref = this.system.spawn("loner", new ThreadReporter(),
				SpawnOptions.defaults().withDispatcher(Dispatcher.THREAD));
		Thread thread = this.system.bridge().call(ref, new WhichThread(), ONE_SECOND);
		assertThat(thread.isAlive()).isTrue();
		assertThat(this.system.bridge().stop(List.of(ref), ONE_SECOND)).containsExactly(new Stopped("loner"));
		thread.join(2000);
		assertThat(thread.isAlive()).as("thread %s alive after its actor stopped", thread.getName()).isFalse();
	}

	@Test
	void threadOfThreadDispatcherEndsAfterActorStopsItself() throws InterruptedException {
		ActorRef ref = this.system.spawn("loner", new ThreadReporter(),
				SpawnOptions.defaults().withDispatcher(Dispatcher.THREAD));
		Thread thread = this.system.bridge().call(ref, new WhichThread(), ONE_SECOND);
		ref.send(new Quit());
		thread.join(2000);
		assertThat(thread.isAlive()).as("thread %s alive after its actor stopped", thread.getName()).isFalse();
		ActorSystemTests.await(() -> this.system.lookup("loner").isEmpty());
	}

	@Test
	void threadOfThreadDispatcherEndsAfterActorFails() throws InterruptedException {
		ActorRef ref = this.system.spawn("loner", new ThreadReporter(),
				SpawnOptions.defaults().withDispatcher(Dispatcher.THREAD).withFailurePolicy(FailurePolicy.STOP));
		Thread thread = this.system.bridge().call(ref, new WhichThread(), ONE_SECOND);
		ref.send(new Crash());
		thread.join(2000);
		assertThat(thread.isAlive()).as("thread %s alive after its actor failed", thread.getName()).isFalse();
	}

	// SHARED

	@Test
	void sharedDispatcherRunsHandlersOnPoolThreads() {
		ActorRef ref = this.system.spawn("sharer", new ThreadReporter());
		Thread thread = this.system.bridge().call(ref, new WhichThread(), ONE_SECOND);
		assertThat(thread.getName()).startsWith("dispatch-shared-");
		assertThat(this.system.actor("sharer").get().dispatcher()).isEqualTo(Dispatcher.SHARED);
		ActorRef explicit = this.system.spawn("explicit", new ThreadReporter(),
				SpawnOptions.defaults().withDispatcher(Dispatcher.SHARED));
		Thread other = this.system.bridge().call(explicit, new WhichThread(), ONE_SECOND);
		assertThat(other.getName()).contains("-shared-");
	}

	@Test
	void sharedDispatcherThreadsAreSharedByManyActors() {
		Set<Thread> threads = ConcurrentHashMap.newKeySet();
		List<ActorRef> refs = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			refs.add(this.system.spawn("actor-" + i, new ThreadReporter()));
		}
		for (ActorRef ref : refs) {
			threads.add(this.system.bridge().call(ref, new WhichThread(), ONE_SECOND));
		}
		assertThat(threads).hasSizeLessThanOrEqualTo(4)
			.allSatisfy((thread) -> assertThat(thread.getName()).contains("-shared-"));
	}

	// VIRTUAL

	@Test
	void virtualDispatcherIsUnavailableBeforeJava21() {
		assumeThat(JAVA_VERSION).as("Java version").isLessThan(21);
		assertThatExceptionOfType(DispatcherUnavailableException.class)
			.isThrownBy(() -> this.system.spawn("virtuous", new ThreadReporter(),
					SpawnOptions.defaults().withDispatcher(Dispatcher.VIRTUAL)))
			.withMessageContaining("'virtuous'")
			.withMessageContaining(Runtime.version().toString())
			.withMessageContaining("21");
		assertThat(this.system.lookup("virtuous")).isEmpty();
		// the name stays free
		this.system.spawn("virtuous", new ThreadReporter());
	}

	@Test
	void virtualDefaultDispatcherIsUnavailableBeforeJava21() {
		assumeThat(JAVA_VERSION).as("Java version").isLessThan(21);
		try (ActorSystem virtual = ActorSystem
			.create(ActorSystemSettings.defaults().withName("virtual").withDispatcher(Dispatcher.VIRTUAL))) {
			assertThatExceptionOfType(DispatcherUnavailableException.class)
				.isThrownBy(() -> virtual.spawn("virtuous", new ThreadReporter()))
				.withMessageContaining("'virtuous'");
		}
	}

	@Test
	void virtualDispatcherRunsHandlersOnVirtualThreads() throws Exception {
		assumeThat(JAVA_VERSION).as("Java version").isGreaterThanOrEqualTo(21);
		ActorRef ref = this.system.spawn("virtuous", new ThreadReporter(),
				SpawnOptions.defaults().withDispatcher(Dispatcher.VIRTUAL));
		Thread thread = this.system.bridge().call(ref, new WhichThread(), ONE_SECOND);
		Method isVirtual = Thread.class.getMethod("isVirtual");
		assertThat((Boolean) isVirtual.invoke(thread)).isTrue();
		assertThat((Boolean) isVirtual.invoke(Thread.currentThread())).isFalse();
		assertThat(this.system.actor("virtuous").get().dispatcher()).isEqualTo(Dispatcher.VIRTUAL);
		assertThat(this.system.bridge().stop(List.of(ref), ONE_SECOND)).containsExactly(new Stopped("virtuous"));
	}

	@Test
	void virtualThreadsAreNamedAfterTheSystem() throws Exception {
		assumeThat(JAVA_VERSION).as("Java version").isGreaterThanOrEqualTo(21);
		ActorRef ref = this.system.spawn("named", new ThreadReporter(),
				SpawnOptions.defaults().withDispatcher(Dispatcher.VIRTUAL));
		Thread thread = this.system.bridge().call(ref, new WhichThread(), ONE_SECOND);
		assertThat(thread.getName()).matches("dispatch-virtual-\\d+");
	}

	// One thread at a time

	@ParameterizedTest
	@EnumSource(Dispatcher.class)
	void handlersOfOneActorNeverRunOnTwoThreadsAtOnce(Dispatcher dispatcher) throws InterruptedException {
		assumeThat(dispatcher != Dispatcher.VIRTUAL || JAVA_VERSION >= 21).as("dispatcher available").isTrue();
		OverlapDetector detector = new OverlapDetector();
		ActorRef ref = this.system.spawn("single", detector, SpawnOptions.defaults().withDispatcher(dispatcher));
		int senders = 8;
		int perSender = 2_000;
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> threads = new ArrayList<>();
		for (int s = 0; s < senders; s++) {
			int sender = s;
			Thread thread = new Thread(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					return;
				}
				for (int i = 0; i < perSender; i++) {
					ref.send(new Hit(sender, i));
				}
			}, "sender-" + s);
			thread.start();
			threads.add(thread);
		}
		start.countDown();
		for (Thread thread : threads) {
			thread.join(5000);
		}
		Result result = this.system.bridge().call(ref, new GetResult(), Duration.ofSeconds(5));
		assertThat(result.overlaps()).as("handlers that overlapped").isZero();
		assertThat(result.handled()).isEqualTo(senders * perSender);
		assertThat(result.outOfOrder()).as("messages out of per-sender order").isZero();
		if (dispatcher == Dispatcher.SHARED) {
			assertThat(result.threads()).allSatisfy((name) -> assertThat(name).contains("-shared-"));
		}
	}

	@ParameterizedTest
	@EnumSource(Dispatcher.class)
	void pingPongAcrossActorsOnTheSameDispatcher(Dispatcher dispatcher) {
		assumeThat(dispatcher != Dispatcher.VIRTUAL || JAVA_VERSION >= 21).as("dispatcher available").isTrue();
		SpawnOptions options = SpawnOptions.defaults().withDispatcher(dispatcher);
		OverlapDetector detector = new OverlapDetector();
		ActorRef target = this.system.spawn("target", detector, options);
		List<ActorRef> forwarders = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			forwarders.add(this.system.spawn("forwarder-" + i, new Forwarder(target, i), options));
		}
		for (int round = 0; round < 200; round++) {
			for (ActorRef forwarder : forwarders) {
				forwarder.send(round);
			}
		}
		ActorSystemTests.await(() -> this.system.actors()
			.stream()
			.filter((info) -> info.name().startsWith("forwarder-"))
			.allMatch((info) -> info.processed() == 200));
		Result result = this.system.bridge().call(target, new GetResult(), Duration.ofSeconds(5));
		assertThat(result.overlaps()).isZero();
		assertThat(result.handled()).isEqualTo(2000);
		assertThat(result.outOfOrder()).isZero();
	}

	// Messages and behaviours

	record WhichThread() {
	}

	record Quit() {
	}

	record Crash() {
	}

	record Hit(int sender, int sequence) {
	}

	record GetResult() {
	}

	record Result(int overlaps, int handled, int outOfOrder, Set<String> threads) {
	}

	static final class ThreadReporter {

		@Handles
		Thread onWhichThread(WhichThread request) {
			return Thread.currentThread();
		}

		@Handles
		void onQuit(Quit quit, ActorContext context) {
			context.stop();
		}

		@Handles
		void onCrash(Crash crash) {
			throw new IllegalStateException("crash");
		}

	}

	static final class OverlapDetector {

		private final AtomicInteger running = new AtomicInteger();

		private final ConcurrentHashMap<Integer, Integer> lastSequence = new ConcurrentHashMap<>();

		private final Set<String> threads = ConcurrentHashMap.newKeySet();

		private int overlaps;

		private int handled;

		private int outOfOrder;

		@Handles
		void onHit(Hit hit) {
			if (this.running.incrementAndGet() != 1) {
				this.overlaps++;
			}
			this.threads.add(Thread.currentThread().getName());
			Integer last = this.lastSequence.put(hit.sender(), hit.sequence());
			if (last != null && last >= hit.sequence()) {
				this.outOfOrder++;
			}
			this.handled++;
			if ((this.handled & 63) == 0) {
				Thread.yield();
			}
			if (this.running.decrementAndGet() != 0) {
				this.overlaps++;
			}
		}

		@Handles
		Result onGetResult(GetResult request) {
			return new Result(this.overlaps, this.handled, this.outOfOrder, Set.copyOf(this.threads));
		}

	}

	static final class Forwarder {

		private final ActorRef target;

		private final int id;

		Forwarder(ActorRef target, int id) {
			this.target = target;
			this.id = id;
		}

		@Handles
		void onRound(Integer round, ActorContext context) {
			this.target.send(new Hit(this.id, round), context.self());
		}

	}

}
