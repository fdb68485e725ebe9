package io.actorbeans.boot.autoconfigure;

import java.time.Duration;

import io.actorbeans.ActorSystem;
import io.actorbeans.ShutdownReport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ExecutorConfigurationSupport;

/**
 * The actor system's part in the application context's lifecycle: its timers tick once
 * the context has been refreshed and pause while the context is stopped or paused (the
 * actors go on handling messages meanwhile); when the context closes, the system shuts
 * down gracefully, after the web server, the task executors and the schedulers.
 * <p>
 * Called by the context's lifecycle processor, on the thread that refreshes, stops or
 * closes the context. Thread-safe.
 *
 * @since 0.1.0
 */
public class ActorSystemLifecycle implements SmartLifecycle, ApplicationContextAware {

	/*-
	 * Lifecycles stop from the highest phase down: the web server's graceful shutdown at
	 * DEFAULT_PHASE - 1024, the web server at DEFAULT_PHASE - 2048, then Spring's task executors and
	 * schedulers at ExecutorConfigurationSupport.DEFAULT_PHASE (Integer.MAX_VALUE / 2), which wait
	 * for the tasks they are running. This one stops below them all, so that requests in flight and
	 * @Async and @Scheduled tasks still reach running actors; it starts before them.
	 *
	 * As ExecutorConfigurationSupport does, stop() pauses unless the context is closing: a stopped
	 * or paused context (Framework 7 pauses the contexts its test context cache keeps) holds the
	 * timers' ticks, and start() lets them go. Only a close shuts the system down, on a thread of
	 * its own, so that the other lifecycles of the phase stop meanwhile. The lifecycle processor
	 * waits for it at most "spring.lifecycle.timeout-per-shutdown-phase", which the auto-configuration
	 * also makes the longest shutdown timeout. The auto-configured actor system is created with its
	 * timers paused (an ActorSystem bean of the application's own is not), so that no tick reaches
	 * an actor before start(): a context whose refresh fails never starts, and destroying its
	 * ActorSystem bean closes the system.
	 */

	/** The phase: below the web server's and the task executors' and schedulers'. */
	public static final int PHASE = ExecutorConfigurationSupport.DEFAULT_PHASE - 1024;

	private static final Logger logger = LoggerFactory.getLogger(ActorSystemLifecycle.class);

	private final ActorSystem system;

	private final Duration timeout;

	private @Nullable ApplicationContext applicationContext;

	private volatile boolean running;

	/**
	 * Create a lifecycle.
	 * @param system the actor system whose timers it starts and pauses, and which it
	 * shuts down when the context closes
	 * @param timeout how long the actors may take to finish when the context closes
	 */
	public ActorSystemLifecycle(ActorSystem system, Duration timeout) {
		this.system = system;
		this.timeout = timeout;
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) {
		this.applicationContext = applicationContext;
	}

	/**
	 * Let the timers tick: after the refresh, and again after a stop or a pause.
	 */
	@Override
	public void start() {
		this.system.resumeTimers();
		this.running = true;
	}

	/**
	 * Shut the actor system down if the context is closing, else pause its timers.
	 */
	@Override
	public void stop() {
		this.running = false;
		if (isContextClosing()) {
			shutdown();
		}
		else {
			this.system.pauseTimers();
		}
	}

	/**
	 * Shut the actor system down if the context is closing, on a thread of its own, and
	 * then run the callback; else pause its timers and run the callback.
	 * @param callback told when the lifecycle has stopped
	 */
	@Override
	public void stop(Runnable callback) {
		this.running = false;
		if (!isContextClosing()) {
			this.system.pauseTimers();
			callback.run();
			return;
		}
		Thread shutdown = new Thread(() -> {
			try {
				shutdown();
			}
			finally {
				callback.run();
			}
		}, this.system.name() + "-shutdown");
		shutdown.start();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private boolean isContextClosing() {
		return this.applicationContext instanceof ConfigurableApplicationContext context && context.isClosed();
	}

	private void shutdown() {
		ShutdownReport report = this.system.shutdown(this.timeout);
		if (!report.completed()) {
			logger.warn("Actor system '{}' could not stop {} within {}: {}", this.system.name(),
					(report.actorsNotStopped().size() == 1) ? "1 actor" : report.actorsNotStopped().size() + " actors",
					this.timeout, report.actorsNotStopped());
		}
	}

}
