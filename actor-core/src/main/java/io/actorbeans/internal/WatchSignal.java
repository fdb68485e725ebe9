package io.actorbeans.internal;

import io.actorbeans.Terminated;
import org.jspecify.annotations.Nullable;

/**
 * Tells a watcher that an actor it watches has ended; opens into the {@link Terminated}
 * message unless the watcher has unwatched that actor since.
 */
final class WatchSignal extends Signal {

	private final Terminated terminated;

	WatchSignal(Terminated terminated) {
		this.terminated = terminated;
	}

	@Override
	@Nullable Object open(CellContext context) {
		CellFeatures features = context.featuresIfAny();
		return (features != null && features.endWatch(this.terminated.actor())) ? this.terminated : null;
	}

	@Override
	Object payload() {
		return this.terminated;
	}

	@Override
	public String toString() {
		return "WatchSignal[" + this.terminated + "]";
	}

}
