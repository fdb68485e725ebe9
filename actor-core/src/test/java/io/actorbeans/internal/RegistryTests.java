package io.actorbeans.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import io.actorbeans.ActorSystemSettings;
import io.actorbeans.Handles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Registry}: lookups, one cell per name, removal with backward shift,
 * growth, iteration, and many threads at once. Bounded in time; no speed figures.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RegistryTests {

	private final DefaultActorSystem system = (DefaultActorSystem) ActorRuntime
		.start(ActorSystemSettings.defaults().withName("registry-tests").withShutdownTimeout(Duration.ofSeconds(5)));

	private final CellProfile profile = new CellProfile(this.system, Runnable::run,
			this.system.settings().failurePolicy(), 0, null);

	private final Registry registry = new Registry();

	@AfterEach
	void close() {
		this.system.close();
	}

	@Test
	void registeredCellIsFoundByName() {
		ActorCell cell = cell("a");
		assertThat(this.registry.putIfAbsent(cell)).isNull();
		assertThat(this.registry.get("a")).isSameAs(cell);
		assertThat(this.registry.get("b")).isNull();
		assertThat(this.registry.isEmpty()).isFalse();
	}

	@Test
	void secondCellOfANameIsRefusedAndTheFirstReturned() {
		ActorCell first = cell("a");
		this.registry.putIfAbsent(first);
		assertThat(this.registry.putIfAbsent(cell("a"))).isSameAs(first);
		assertThat(this.registry.get("a")).isSameAs(first);
		assertThat(this.registry.cells()).containsExactly(first);
	}

	@Test
	void removeRemovesOnlyTheRegisteredCellOfItsName() {
		ActorCell registered = cell("a");
		this.registry.putIfAbsent(registered);
		this.registry.remove(cell("a"));
		assertThat(this.registry.get("a")).isSameAs(registered);
		this.registry.remove(registered);
		assertThat(this.registry.get("a")).isNull();
		assertThat(this.registry.isEmpty()).isTrue();
		ActorCell again = cell("a");
		assertThat(this.registry.putIfAbsent(again)).isNull();
		assertThat(this.registry.get("a")).isSameAs(again);
	}

	/**
	 * Random inserts and removals, with many names sharing probe runs, checked against a
	 * HashMap after each step: backward-shift deletion keeps every remaining name
	 * reachable, through growth.
	 */
	@Test
	void randomInsertsAndRemovalsAgreeWithAHashMap() {
		Random random = new Random(42);
		Map<String, ActorCell> expected = new HashMap<>();
		for (int step = 0; step < 100_000; step++) {
			String name = "actor-" + random.nextInt(5_000);
			if (random.nextInt(3) == 0) {
				ActorCell cell = expected.remove(name);
				if (cell != null) {
					this.registry.remove(cell);
				}
			}
			else {
				ActorCell cell = cell(name);
				ActorCell present = this.registry.putIfAbsent(cell);
				assertThat(present).isSameAs(expected.get(name));
				expected.putIfAbsent(name, cell);
			}
			if (step % 10_000 == 0) {
				assertAgrees(expected);
			}
		}
		assertAgrees(expected);
	}

	@Test
	void allMatchTestsEveryCell() {
		for (int i = 0; i < 1_000; i++) {
			this.registry.putIfAbsent(cell("actor-" + i));
		}
		assertThat(this.registry.allMatch((cell) -> cell.name().startsWith("actor-"))).isTrue();
		assertThat(this.registry.allMatch((cell) -> !cell.name().equals("actor-999"))).isFalse();
	}

	/**
	 * Threads register and remove overlapping names at once: each name is held by at most
	 * one cell at a time, and what is left is exactly what the threads kept.
	 */
	@Test
	void concurrentRegistrationsGiveEachNameOneCell() throws Exception {
		int threads = 8;
		int names = 2_000;
		List<Map<String, ActorCell>> kept = new ArrayList<>();
		Queue<String> wrong = new ConcurrentLinkedQueue<>();
		CyclicBarrier start = new CyclicBarrier(threads);
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Map<String, ActorCell> mine = new HashMap<>();
			kept.add(mine);
			int seed = t;
			workers.add(new Thread(() -> {
				Random random = new Random(seed);
				try {
					start.await();
					for (int step = 0; step < 50_000; step++) {
						String name = "actor-" + random.nextInt(names);
						ActorCell held = mine.get(name);
						if (held != null) {
							if (this.registry.get(name) != held) {
								wrong.add(name + " lost its cell");
							}
							this.registry.remove(held);
							mine.remove(name);
						}
						else {
							ActorCell cell = cell(name);
							if (this.registry.putIfAbsent(cell) == null) {
								mine.put(name, cell);
							}
						}
					}
				}
				catch (Exception ex) {
					wrong.add(ex.toString());
				}
			}, "registrar-" + t));
		}
		workers.forEach(Thread::start);
		for (Thread worker : workers) {
			worker.join(TimeUnit.SECONDS.toMillis(50));
			assertThat(worker.isAlive()).as(worker.getName() + " still running").isFalse();
		}
		assertThat(wrong).isEmpty();
		Map<String, ActorCell> expected = new HashMap<>();
		for (Map<String, ActorCell> mine : kept) {
			for (Map.Entry<String, ActorCell> entry : mine.entrySet()) {
				assertThat(expected.put(entry.getKey(), entry.getValue())).as(entry.getKey() + " held twice").isNull();
			}
		}
		assertAgrees(expected);
	}

	private void assertAgrees(Map<String, ActorCell> expected) {
		assertThat(this.registry.cells()).containsExactlyInAnyOrderElementsOf(expected.values());
		for (Map.Entry<String, ActorCell> entry : expected.entrySet()) {
			assertThat(this.registry.get(entry.getKey())).as(entry.getKey()).isSameAs(entry.getValue());
		}
		assertThat(this.registry.isEmpty()).isEqualTo(expected.isEmpty());
	}

	private ActorCell cell(String name) {
		return new ActorCell(name, this.profile, new Idle(), HandlerTable.of(Idle.class));
	}

	static final class Idle {

		@Handles
		void onMessage(Object message) {
		}

	}

}
