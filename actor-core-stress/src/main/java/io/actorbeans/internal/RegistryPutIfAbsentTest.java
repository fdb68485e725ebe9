package io.actorbeans.internal;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Two cells of the same name are registered at once in a {@link Registry}, as when two
 * threads spawn an actor under one name: exactly one is registered, the other is told
 * which cell holds the name, and a lookup finds the winner.
 * <p>
 * Forbidden: both or neither registered, the loser told of a cell other than the winner,
 * a lookup that finds the loser or nothing.
 * <p>
 * Result: what each putIfAbsent returned (0 for null: registered; 1 or 2 for the cell
 * already there); which cell the lookup finds afterwards (0 for none).
 */
@JCStressTest
@Outcome(id = "0, 1, 1", expect = ACCEPTABLE, desc = "The first cell won; the second was told about it.")
@Outcome(id = "2, 0, 2", expect = ACCEPTABLE, desc = "The second cell won; the first was told about it.")
@Outcome(id = "0, 0, .", expect = FORBIDDEN, desc = "Both were registered under one name.")
@Outcome(expect = FORBIDDEN, desc = "Neither registered, or the registry holds another cell than the winner.")
@State
public class RegistryPutIfAbsentTest {

	private final Registry registry = new Registry();

	@Actor
	public void spawnFirst(III_Result result) {
		result.r1 = RegistryCells.numberOf(this.registry.putIfAbsent(RegistryCells.FIRST));
	}

	@Actor
	public void spawnSecond(III_Result result) {
		result.r2 = RegistryCells.numberOf(this.registry.putIfAbsent(RegistryCells.SECOND));
	}

	@Arbiter
	public void arbiter(III_Result result) {
		result.r3 = RegistryCells.numberOf(this.registry.get(RegistryCells.NAME));
	}

}
