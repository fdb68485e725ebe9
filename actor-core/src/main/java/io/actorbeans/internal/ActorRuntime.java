package io.actorbeans.internal;

import io.actorbeans.ActorSystem;
import io.actorbeans.ActorSystemSettings;

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
	 * Start an actor system.
	 * @param settings its settings
	 * @return the running system
	 */
	public static ActorSystem start(ActorSystemSettings settings) {
		return new DefaultActorSystem(settings);
	}

}
