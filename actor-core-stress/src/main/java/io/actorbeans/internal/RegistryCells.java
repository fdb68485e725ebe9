package io.actorbeans.internal;

import java.time.Duration;
import java.util.List;

import io.actorbeans.ActorRef;

/**
 * Two cells of the same name, for the tests of the {@link Registry}: an actor spawned,
 * stopped, and spawned again under its name. Made once per test VM through the public
 * API; the tests register them in registries of their own.
 */
final class RegistryCells {

	static final String NAME = "registered";

	static final ActorCell FIRST;

	static final ActorCell SECOND;

	static {
		ActorRef first = StressSystem.SYSTEM.spawn(NAME, new Idle());
		StressSystem.SYSTEM.bridge().stop(List.of(first), Duration.ofSeconds(10));
		FIRST = (ActorCell) first;
		SECOND = (ActorCell) StressSystem.SYSTEM.spawn(NAME, new Idle());
	}

	private RegistryCells() {
	}

	/** The number of a registered cell: 1 or 2, 0 for none, 3 for another. */
	static int numberOf(ActorCell cell) {
		if (cell == null) {
			return 0;
		}
		return (cell == FIRST) ? 1 : (cell == SECOND) ? 2 : 3;
	}

	/** A behaviour with no handler. */
	static final class Idle {

	}

}
