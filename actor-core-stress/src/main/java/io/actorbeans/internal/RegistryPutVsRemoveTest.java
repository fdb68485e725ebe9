package io.actorbeans.internal;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * An actor ends (its cell is removed from the {@link Registry}) while another is spawned
 * under its name: the new cell is registered if and only if the removal came first, and
 * the registry then holds exactly what that order leaves.
 * <p>
 * Forbidden: the new cell registered but not found afterwards, the old cell still found
 * after its removal, the new cell refused and yet found, or told of another cell than the
 * old one.
 * <p>
 * Result: what putIfAbsent of the new cell returned (0 for null: registered; 1 for the
 * old cell); which cell the lookup finds afterwards (0 for none, 1 old, 2 new).
 */
@JCStressTest
@Outcome(id = "0, 2", expect = ACCEPTABLE, desc = "Removed first, then the new cell was registered.")
@Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "The new cell was refused while the old held the name, then removed.")
@Outcome(id = "0, [01]", expect = FORBIDDEN, desc = "The new cell was registered, then lost.")
@Outcome(id = "., 1", expect = FORBIDDEN, desc = "The old cell is still registered after its removal.")
@Outcome(expect = FORBIDDEN, desc = "Not a possible outcome.")
@State
public class RegistryPutVsRemoveTest {

	private final Registry registry = new Registry();

	public RegistryPutVsRemoveTest() {
		this.registry.putIfAbsent(RegistryCells.FIRST);
	}

	@Actor
	public void end() {
		this.registry.remove(RegistryCells.FIRST);
	}

	@Actor
	public void spawn(II_Result result) {
		result.r1 = RegistryCells.numberOf(this.registry.putIfAbsent(RegistryCells.SECOND));
	}

	@Arbiter
	public void arbiter(II_Result result) {
		result.r2 = RegistryCells.numberOf(this.registry.get(RegistryCells.NAME));
	}

}
