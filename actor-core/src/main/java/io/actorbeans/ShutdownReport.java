package io.actorbeans;

import java.time.Duration;
import java.util.List;

/**
 * What {@link ActorSystem#shutdown(Duration)} achieved.
 *
 * @param actorsStopped the actors that stopped during the shutdown
 * @param deadLetters the dead letters counted during the shutdown: messages it could not
 * deliver
 * @param actorsNotStopped the names of the actors still running when the timeout ran out
 * @param took how long the shutdown took
 * @since 0.1.0
 */
public record ShutdownReport(int actorsStopped, long deadLetters, List<String> actorsNotStopped, Duration took) {

	/**
	 * Copy the list of actors.
	 */
	public ShutdownReport {
		actorsNotStopped = List.copyOf(actorsNotStopped);
	}

	/**
	 * Whether every actor stopped within the timeout.
	 * @return {@code true} if none was left running
	 */
	public boolean completed() {
		return this.actorsNotStopped.isEmpty();
	}

}
