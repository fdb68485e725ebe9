package io.actorbeans.internal;

import java.util.List;

import io.actorbeans.SpawnOptions;
import io.actorbeans.Timers;
import org.jspecify.annotations.Nullable;

/**
 * The first signal of an actor spawned with periodic timers: starts them on the actor's
 * own thread, once the actor is registered.
 */
final class StartTimersSignal extends Signal {

	private final List<SpawnOptions.PeriodicTimer> timers;

	StartTimersSignal(List<SpawnOptions.PeriodicTimer> timers) {
		this.timers = timers;
	}

	@Override
	@Nullable Object open(CellContext context) {
		Timers cellTimers = context.timers();
		for (SpawnOptions.PeriodicTimer timer : this.timers) {
			cellTimers.startPeriodic(timer.key(), timer.message(), timer.interval());
		}
		return null;
	}

	@Override
	Object payload() {
		return this.timers;
	}

	@Override
	String failureSite() {
		return "while starting the timers of its spawn options";
	}

	@Override
	public String toString() {
		return "StartTimersSignal" + this.timers;
	}

}
