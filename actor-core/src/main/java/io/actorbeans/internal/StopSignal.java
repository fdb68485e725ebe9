package io.actorbeans.internal;

import io.actorbeans.Stop;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Stop} from the runtime (a shutdown, a parent that ends): the actor ends after
 * the messages ahead of it, whatever its mailbox's bound, and replies to no one.
 */
final class StopSignal extends Signal {

	static final StopSignal INSTANCE = new StopSignal();

	private static final Stop STOP = new Stop();

	private StopSignal() {
	}

	@Override
	@Nullable Object open(CellContext context) {
		context.stop();
		return null;
	}

	@Override
	Object payload() {
		return STOP;
	}

	@Override
	public String toString() {
		return "StopSignal";
	}

}
