package io.actorbeans.boot.autoconfigure;

import java.time.Duration;

import io.actorbeans.ActorSystem;
import io.actorbeans.ShutdownReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Shuts the actor system down gracefully when the application context stops, after the
 * web server has finished its own graceful shutdown.
 *
 * @since 0.1.0
 */
public class ActorSystemLifecycle implements SmartLifecycle {

	/*-
	 * Lifecycles stop from the highest phase down. The web server's graceful shutdown runs at
	 * DEFAULT_PHASE - 1024 and the server stops at DEFAULT_PHASE - 2048; this one runs below both, so
	 * requests in flight still reach running actors. The actors themselves are spawned while the
	 * singletons are created, before any lifecycle starts, so they run before the server takes
	 * requests.
	 */

	/** The phase: below the web server's graceful shutdown and stop. */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Logger logger = LoggerFactory.getLogger(ActorSystemLifecycle.class);

	private final ActorSystem system;

	private final Duration timeout;

	private volatile boolean running;

	/**
	 * Create a lifecycle.
	 * @param system the actor system it shuts down
	 * @param timeout how long the actors may take to finish
	 */
	public ActorSystemLifecycle(ActorSystem system, Duration timeout) {
		this.system = system;
		this.timeout = timeout;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		if (this.running) {
			this.running = false;
			ShutdownReport report = this.system.shutdown(this.timeout);
			if (!report.completed()) {
				logger.warn("Actor system '{}' could not stop {} within {}: {}", this.system.name(),
						(report.actorsNotStopped().size() == 1) ? "1 actor"
								: report.actorsNotStopped().size() + " actors",
						this.timeout, report.actorsNotStopped());
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Not pauseable: a paused context (as Spring's test context cache makes) keeps its
	 * actors running, since a shut-down actor system cannot start again.
	 */
	@Override
	public boolean isPauseable() {
		return false;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
