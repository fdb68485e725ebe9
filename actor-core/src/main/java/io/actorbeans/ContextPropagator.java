package io.actorbeans;

import org.jspecify.annotations.Nullable;

/**
 * Carries a context (a trace, a security context, logging keys) from the thread that
 * sends a message to the thread that handles it, as a task decorator does for an
 * executor. Set with {@link ActorSystemSettings#withContextPropagator}.
 * <p>
 * The runtime calls {@link #capture()} on the sending thread for every message: a send or
 * a Bridge call, an ask, a reply (on the replier's thread), a {@code Stop} sent to an
 * actor. The runtime's own notices (a watcher's {@code Terminated}, a {@code Stopped}
 * reply, a shutdown's stop) carry nothing, so that they cannot fail. Some messages carry
 * the context of the handler that set them up rather than the thread that delivers them:
 * a piped outcome carries the context of the handler that called
 * {@link ActorContext#pipeToSelf}, a timer's ticks the context of the handler that
 * started the timer, a spawn's timers the spawner's. The runtime calls
 * {@link #restore(Object)} on the actor's thread before the handler and closes the scope
 * after it, before the next message, so no context leaks from one message to the next.
 * <p>
 * Thread-safe: {@code capture} is called by any thread that sends, {@code restore} and
 * the scope's {@code close} by the actor's thread. Both are on the path of every message,
 * so they must be quick. An exception from {@code capture} fails the send; one from
 * {@code restore} or from closing the scope ends the actor as failed, as any failure
 * outside its handlers does. Without a propagator, nothing is captured and nothing is
 * allocated.
 *
 * @since 0.1.0
 */
public interface ContextPropagator {

	/**
	 * Capture the context of the current thread.
	 * @return the context to carry, or {@code null} for none
	 */
	@Nullable Object capture();

	/**
	 * Make a captured context the current thread's, until the scope is closed.
	 * @param context what {@link #capture()} returned
	 * @return the scope, which restores what the thread had before when closed
	 */
	Scope restore(Object context);

	/**
	 * A context made current by {@link ContextPropagator#restore}; closing it restores
	 * the thread's previous context. Closed by the thread that restored it.
	 */
	@FunctionalInterface
	interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}
