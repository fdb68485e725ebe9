package io.actorbeans.internal;

import io.actorbeans.ActorSystem;
import io.actorbeans.ActorScheduler;
import io.actorbeans.ActorSystemSettings;
import org.jspecify.annotations.Nullable;

/**
 * INTERNAL API: starts actor systems for {@link ActorSystem#create(ActorSystemSettings)}.
 * Use that method instead. Thread-safe.
 *
 * @since 0.1.0
 */
public final class ActorRuntime {

	private ActorRuntime() {
	}

	/**
	 * Start an actor system with a scheduler thread of its own.
	 * @param settings its settings
	 * @return the running system
	 */
	public static ActorSystem start(ActorSystemSettings settings) {
		return start(settings, null);
	}

	/**
	 * Start an actor system.
	 * @param settings its settings
	 * @param scheduler what runs its timers and timeouts, {@code null} for a scheduler
	 * thread of its own
	 * @return the running system
	 */
	public static ActorSystem start(ActorSystemSettings settings, @Nullable ActorScheduler scheduler) {
		return new DefaultActorSystem(settings, scheduler);
	}

}
