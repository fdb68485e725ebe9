package io.actorbeans.internal;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.actorbeans.FailurePolicy;
import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.jetbrains.kotlinx.lincheck.strategy.managed.modelchecking.ModelCheckingOptions;
import org.jetbrains.kotlinx.lincheck.strategy.stress.StressOptions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Lincheck tests for {@link Registry}: {@code putIfAbsent}, {@code get} and
 * {@code remove} from several threads are linearizable with respect to a {@link HashMap}.
 * <p>
 * The names all fall in one segment, with home slots around the end of its table (so
 * probe runs wrap) and two of them sharing a tag (so a tag match is compared by name).
 * Four of them are registered before each scenario, so that three more registrations grow
 * the table while the others run.
 * <p>
 * {@link Registry#isEmpty()} and {@link Registry#cells()} are left out: they visit one
 * segment at a time and are documented as snapshots that may or may not see concurrent
 * changes (as ConcurrentHashMap's are), so they are not linearizable: an
 * {@code isEmpty()} may pass a segment before a registration there and another after a
 * removal there, and answer {@code true} though the registry was never empty.
 */
@Tag("lincheck")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RegistryLincheckTests {

	/**
	 * Names of one segment (the top six bits of the mixed hash are 0); their home slots
	 * in a table of 8 are 6, 7, 7, 0, 1, 1 and 7, and n1527 and n1234 have the same tag.
	 */
	static final List<String> NAMES = List.of("n168", "n523", "n1527", "n765", "n1234", "n526", "n1434");

	static final int RESIDENTS = 4;

	static final int VARIANTS = 2;

	/** Two cells per name, made once: Lincheck runs the scenarios on them. */
	static ActorCell[][] cells = new ActorCell[0][];

	/**
	 * Makes the cells. Lincheck visits every object reachable from the registry before
	 * each run, so the cells belong to an empty shell of a system, never started (a
	 * started one would bring its threads, executors and settings into every run): the
	 * registry only reads their names.
	 */
	@BeforeAll
	static void makeCells() throws Exception {
		Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
		Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
		theUnsafe.setAccessible(true);
		DefaultActorSystem shell = (DefaultActorSystem) unsafeClass.getMethod("allocateInstance", Class.class)
			.invoke(theUnsafe.get(null), DefaultActorSystem.class);
		CellProfile profile = new CellProfile(shell, Runnable::run, FailurePolicy.STOP, 0, null);
		cells = new ActorCell[NAMES.size()][VARIANTS];
		for (int name = 0; name < NAMES.size(); name++) {
			for (int variant = 0; variant < VARIANTS; variant++) {
				ActorCell cell = new ActorCell(NAMES.get(name), profile, new Object(), HandlerTable.of(Object.class));
				cells[name][variant] = cell;
			}
		}
	}

	@Test
	void modelChecking() {
		ModelCheckingOptions options = new ModelCheckingOptions().iterations(5)
			.invocationsPerIteration(200)
			.threads(3)
			.actorsPerThread(3)
			.actorsBefore(2)
			.actorsAfter(2)
			.sequentialSpecification(Spec.class);
		LinChecker.check(Operations.class, options);
	}

	@Test
	void stress() {
		StressOptions options = new StressOptions().iterations(10)
			.invocationsPerIteration(1_000)
			.threads(3)
			.actorsPerThread(3)
			.actorsBefore(2)
			.actorsAfter(2)
			.sequentialSpecification(Spec.class);
		LinChecker.check(Operations.class, options);
	}

	static String label(int name, int variant) {
		return NAMES.get(name) + "#" + variant;
	}

	/** The registry under test, with its residents, and the operations Lincheck runs. */
	@Param(name = "name", gen = IntGen.class, conf = "0:6")
	@Param(name = "variant", gen = IntGen.class, conf = "0:1")
	public static class Operations {

		private final Registry registry = new Registry();

		public Operations() {
			for (int name = 0; name < RESIDENTS; name++) {
				this.registry.putIfAbsent(cells[name][0]);
			}
		}

		@Operation
		public @Nullable String putIfAbsent(@Param(name = "name") int name, @Param(name = "variant") int variant) {
			return labelOf(this.registry.putIfAbsent(cells[name][variant]));
		}

		@Operation
		public @Nullable String get(@Param(name = "name") int name) {
			return labelOf(this.registry.get(NAMES.get(name)));
		}

		@Operation
		public void remove(@Param(name = "name") int name, @Param(name = "variant") int variant) {
			this.registry.remove(cells[name][variant]);
		}

		/**
		 * The label of a cell, found by identity in the array: Lincheck changes identity
		 * hash codes, so no identity map made outside a run works inside one.
		 */
		private static @Nullable String labelOf(@Nullable ActorCell cell) {
			for (int name = 0; name < NAMES.size(); name++) {
				for (int variant = 0; variant < VARIANTS; variant++) {
					if (cells[name][variant] == cell) {
						return label(name, variant);
					}
				}
			}
			return (cell != null) ? "unknown cell " + cell.name() : null;
		}

	}

	/** The sequential specification: a HashMap from name to the label of its cell. */
	public static class Spec {

		private final Map<String, String> map = new HashMap<>();

		public Spec() {
			for (int name = 0; name < RESIDENTS; name++) {
				this.map.put(NAMES.get(name), label(name, 0));
			}
		}

		public @Nullable String putIfAbsent(int name, int variant) {
			return this.map.putIfAbsent(NAMES.get(name), label(name, variant));
		}

		public @Nullable String get(int name) {
			return this.map.get(NAMES.get(name));
		}

		public void remove(int name, int variant) {
			this.map.remove(NAMES.get(name), label(name, variant));
		}

	}

}
