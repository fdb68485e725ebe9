package io.actorbeans;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two examples of the 2008 Python framework this project descends from, with the
 * answers they print asserted instead.
 */
class SeedExamplesTests {

	private static final Duration ONE_SECOND = Duration.ofSeconds(1);

	private final ActorSystem system = ActorSystem.create();

	@AfterEach
	void shutdown() {
		this.system.close();
	}

	@Test
	void warehouses() {
		ActorRef worker = this.system.spawn("worker", new Worker((x) -> x * 2));
		ActorRef positives = this.system.spawn("positives", new Warehouse());
		ActorRef negatives = this.system.spawn("negatives", new Warehouse());
		Bridge bridge = this.system.bridge();
		for (int value : new int[] { 1, 2, 3, -2, -4, -6 }) {
			ActorRef warehouse = (value >= 0) ? positives : negatives;
			worker.send(new Task(value, warehouse), null);
		}
		// the worker forwards each result: wait for its mailbox to be handled before
		// asking
		assertThat(bridge.<List<Integer>>call(worker, new Flush(), ONE_SECOND)).isEmpty();
		assertThat(bridge.<List<Integer>>call(positives, new GetInventory(), ONE_SECOND)).containsExactly(2, 4, 6);
		assertThat(bridge.<List<Integer>>call(negatives, new GetInventory(), ONE_SECOND)).containsExactly(-4, -8, -12);
		assertThat(bridge.stop(List.of(worker, positives, negatives), ONE_SECOND))
			.containsExactly(new Stopped("worker"), new Stopped("positives"), new Stopped("negatives"));
	}

	@Test
	void pingPong() throws InterruptedException {
		Pinger pinger = new Pinger();
		Ponger ponger = new Ponger();
		ActorRef pingerRef = this.system.spawn("pinger", pinger);
		ActorRef pongerRef = this.system.spawn("ponger", ponger);
		pingerRef.send(new Start(pongerRef), null);
		// the seed slept 0.1 s; wait for "lots of +-" instead, so that a slow moment (a
		// GC
		// pause on a loaded machine) is not taken for a stuck pair
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (ponger.pings.get() <= 100 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		List<Stopped> stopped = this.system.bridge().stop(List.of(pingerRef, pongerRef), ONE_SECOND);
		assertThat(stopped).containsExactly(new Stopped("pinger"), new Stopped("ponger"));
		// "should print lots of +-+-+-": every ping got a pong, in turn
		assertThat(ponger.pings.get()).isGreaterThan(100);
		assertThat(pinger.pongs.get()).isBetween(ponger.pings.get() - 1, ponger.pings.get());
	}

	record GetInventory() {
	}

	record Flush() {
	}

	record Task(int input, ActorRef destination) {
	}

	static final class Worker {

		private final IntUnaryOperator skill;

		Worker(IntUnaryOperator skill) {
			this.skill = skill;
		}

		@Handles
		void onTask(Task task, ActorContext context) {
			task.destination().send(this.skill.applyAsInt(task.input()), context.self());
		}

		@Handles
		List<Integer> onFlush(Flush flush) {
			return List.of();
		}

	}

	static final class Warehouse {

		private final List<Integer> inventory = new ArrayList<>();

		@Handles
		List<Integer> onGetInventory(GetInventory request) {
			return List.copyOf(this.inventory);
		}

		@Handles
		void onTaskResult(Object result) {
			this.inventory.add((Integer) result);
		}

	}

	record Start(ActorRef target) {
	}

	record Ping() {
	}

	record Pong() {
	}

	static final class Pinger {

		final AtomicInteger pongs = new AtomicInteger();

		@Handles
		void onStart(Start start, ActorContext context) {
			start.target().send(new Ping(), context.self());
		}

		@Handles
		Ping onPong(Pong pong) {
			this.pongs.incrementAndGet();
			return new Ping();
		}

	}

	static final class Ponger {

		final AtomicInteger pings = new AtomicInteger();

		@Handles
		Pong onPing(Ping ping) {
			this.pings.incrementAndGet();
			return new Pong();
		}

	}

}
