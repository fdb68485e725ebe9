package io.actorbeans;

import java.time.Duration;
import java.util.List;
import java.util.Set;
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
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Child actors: their path names, their parent in the introspection, and their end with
 * their parent's.
 */
@Timeout(10)
class ChildActorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ActorSystem system = ActorSystem.create();

	private final Bridge bridge = this.system.bridge();

	@AfterEach
	void shutdown() {
		this.system.close();
	}

	@Test
	void aChildIsNamedAfterItsParentAndListedWithIt() {
		ActorRef parent = this.system.spawn("orders", new Parent());
		ActorRef child = this.bridge.call(parent, new SpawnChild("order-1"), TIMEOUT);
		assertThat(child.name()).isEqualTo("orders/order-1");
		assertThat(this.system.lookup("orders/order-1")).contains(child);
		assertThat(this.system.actor("orders/order-1")).get().extracting(ActorInfo::parent).isEqualTo("orders");
		assertThat(this.system.actor("orders")).get().extracting(ActorInfo::parent).isNull();
		assertThat(this.bridge.<String>call(child, "ping", TIMEOUT)).isEqualTo("orders/order-1: ping");
	}

	@Test
	void childrenOfDifferentParentsMayShareAName() {
		ActorRef first = this.system.spawn("first", new Parent());
		ActorRef second = this.system.spawn("second", new Parent());
		ActorRef a = this.bridge.call(first, new SpawnChild("worker"), TIMEOUT);
		ActorRef b = this.bridge.call(second, new SpawnChild("worker"), TIMEOUT);
		assertThat(List.of(a.name(), b.name())).containsExactly("first/worker", "second/worker");
	}

	@Test
	void childrenStopWhenTheirParentStops() throws InterruptedException {
		Set<String> ended = ConcurrentHashMap.newKeySet();
		CountDownLatch threeEnded = new CountDownLatch(3);
		this.system.addTerminationListener((actor) -> {
			ended.add(actor.name());
			threeEnded.countDown();
		});
		ActorRef parent = this.system.spawn("parent", new Parent());
		ActorRef child = this.bridge.call(parent, new SpawnChild("child"), TIMEOUT);
		this.bridge.call(child, new SpawnChild("grandchild"), TIMEOUT);
		assertThat(this.bridge.stop(List.of(parent), TIMEOUT)).containsExactly(new Stopped("parent"));
		assertThat(threeEnded.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(ended).containsExactlyInAnyOrder("parent", "parent/child", "parent/child/grandchild");
		assertThat(this.system.actors()).isEmpty();
	}

	@Test
	void aParentEndsAfterItsChildrenSoThatBothNamesAreFreeOnceItHasStopped() {
		ActorRef parent = this.system.spawn("parent", new Parent());
		ActorRef child = this.bridge.call(parent, new SpawnChild("child"), TIMEOUT);
		ActorRef grandchild = this.bridge.call(child, new SpawnChild("grandchild"), TIMEOUT);
		// a backlog behind which each child's Stop waits
		for (int i = 0; i < 200_000; i++) {
			child.send(new Work());
			grandchild.send(new Work());
		}
		assertThat(this.bridge.stop(List.of(parent), TIMEOUT)).containsExactly(new Stopped("parent"));
		assertThat(this.system.actors()).isEmpty();
		ActorRef again = this.system.spawn("parent", new Parent());
		assertThat(this.bridge.<ActorRef>call(again, new SpawnChild("child"), TIMEOUT).name())
			.isEqualTo("parent/child");
	}

	@Test
	void aWatcherLearnsOfTheChildrenEndingBeforeTheirParent() throws InterruptedException {
		BlockingQueue<Object> ends = new LinkedBlockingQueue<>();
		ActorRef parent = this.system.spawn("parent", new Parent());
		ActorRef child = this.bridge.call(parent, new SpawnChild("child"), TIMEOUT);
		for (int i = 0; i < 200_000; i++) {
			child.send(new Work());
		}
		ActorRef watcher = this.system.spawn("watcher", new Watcher(ends));
		this.bridge.call(watcher, List.of(parent, child), TIMEOUT);
		parent.send(new Stop());
		assertThat(ends.poll(5, TimeUnit.SECONDS)).isEqualTo("parent/child");
		assertThat(ends.poll(5, TimeUnit.SECONDS)).isEqualTo("parent");
	}

	@Test
	void aChildThatEndedFirstIsNotSentAStopWhenItsParentEnds() throws InterruptedException {
		BlockingQueue<DeadLetter> deadLetters = new LinkedBlockingQueue<>();
		this.system.addDeadLetterListener(deadLetters::add);
		ActorRef parent = this.system.spawn("parent", new Parent());
		ActorRef child = this.bridge.call(parent, new SpawnChild("short-lived"), TIMEOUT);
		assertThat(this.bridge.stop(List.of(child), TIMEOUT)).containsExactly(new Stopped("parent/short-lived"));
		assertThat(this.bridge.stop(List.of(parent), TIMEOUT)).containsExactly(new Stopped("parent"));
		// a shutdown finishes everything in flight, a Stop to the ended child included
		assertThat(this.system.shutdown(TIMEOUT).completed()).isTrue();
		assertThat(deadLetters).isEmpty();
	}

	@Test
	void aParentWhoseChildrenComeAndGoStopsOnlyTheLiveOnesWhenItEnds() throws InterruptedException {
		BlockingQueue<DeadLetter> deadLetters = new LinkedBlockingQueue<>();
		this.system.addDeadLetterListener(deadLetters::add);
		ActorRef parent = this.system.spawn("parent", new Parent());
		List<ActorRef> children = new java.util.ArrayList<>();
		for (int i = 0; i < 100; i++) {
			children.add(this.bridge.call(parent, new SpawnChild("child-" + i), TIMEOUT));
		}
		assertThat(this.bridge.stop(children.subList(0, 90), TIMEOUT)).doesNotContainNull();
		for (int i = 100; i < 140; i++) {
			this.bridge.call(parent, new SpawnChild("child-" + i), TIMEOUT);
		}
		CountDownLatch allEnded = new CountDownLatch(51);
		this.system.addTerminationListener((actor) -> allEnded.countDown());
		assertThat(this.bridge.stop(List.of(parent), TIMEOUT)).containsExactly(new Stopped("parent"));
		assertThat(allEnded.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(this.system.actors()).isEmpty();
		// a shutdown finishes everything in flight, a Stop to the ended child included
		assertThat(this.system.shutdown(TIMEOUT).completed()).isTrue();
		assertThat(deadLetters).isEmpty();
	}

	@Test
	void aShutdownStopsParentsAndChildrenWithoutDeadLetters() {
		ActorRef parent = this.system.spawn("parent", new Parent());
		ActorRef child = this.bridge.call(parent, new SpawnChild("child"), TIMEOUT);
		this.bridge.call(child, new SpawnChild("grandchild"), TIMEOUT);
		ShutdownReport report = this.system.shutdown(TIMEOUT);
		assertThat(report.actorsStopped()).isEqualTo(3);
		assertThat(report.deadLetters()).isZero();
	}

	@Test
	void aChildNameWithASlashIsRejectedNamingTheParent() {
		ActorRef parent = this.system.spawn("parent", new Parent());
		assertThatExceptionOfType(HandlerFailedException.class)
			.isThrownBy(() -> this.bridge.call(parent, new SpawnChild("a/b"), TIMEOUT))
			.withCauseInstanceOf(IllegalArgumentException.class)
			.withMessageContaining("child of actor 'parent'");
	}

	@Test
	void aSpawnedNameWithASlashIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.system.spawn("a/b", new Parent()))
			.withMessageContaining("'a/b'")
			.withMessageContaining("without '/'");
	}

	record SpawnChild(String name) {
	}

	record Work() {
	}

	static class Watcher {

		private final BlockingQueue<Object> ends;

		Watcher(BlockingQueue<Object> ends) {
			this.ends = ends;
		}

		@Handles
		boolean watch(List<ActorRef> actors, ActorContext context) {
			actors.forEach(context::watch);
			return true;
		}

		@Handles
		void ended(Terminated terminated) {
			this.ends.add(terminated.actor().name());
		}

	}

	static class Parent {

		@Handles
		void onWork(Work work) {
		}

		@Handles
		ActorRef onSpawnChild(SpawnChild request, ActorContext context) {
			return context.spawn(request.name(), new Parent());
		}

		@Handles
		String onString(String message, ActorContext context) {
			return context.self().name() + ": " + message;
		}

	}

}
