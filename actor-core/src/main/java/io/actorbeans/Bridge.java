package io.actorbeans;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * Lets code that is not an actor (a controller, a test, {@code main}) call actors and
 * wait for their replies.
 * <p>
 * Thread-safe: any number of threads may share one Bridge. Every call has a reply slot of
 * its own, passed to the actor as the sender: a reply reaches only its own caller, and a
 * reply that comes after its call completed or timed out becomes a {@link DeadLetter}
 * ({@code LATE_REPLY}), never the answer to another call.
 * <p>
 * A call fails at once, without waiting for its timeout, when the actor has stopped or
 * stops before handling it ({@link ActorStoppedException}), when its bounded mailbox is
 * full ({@link MailboxFullException}), when it has no handler for the request
 * ({@link UnhandledMessageException}), when the handler throws
 * ({@link HandlerFailedException}) and when the system is shutting down
 * ({@link ActorSystemShutdownException}).
 * <p>
 * Memory consistency effects: actions of the handler before it replies happen-before the
 * caller's return from {@code call}, or the completion of the future of {@code ask}.
 *
 * @since 0.1.0
 */
public interface Bridge {

	/**
	 * Send a request and wait for the reply, at most the system's Bridge timeout.
	 * @param <T> the type of the reply
	 * @param target the actor
	 * @param request the request
	 * @return the reply
	 * @throws CallTimeoutException if no reply came in time
	 */
	<T> T call(ActorRef target, Object request);

	/**
	 * Send a request and wait for the reply, at most the given timeout.
	 * @param <T> the type of the reply
	 * @param target the actor
	 * @param request the request
	 * @param timeout how long to wait
	 * @return the reply
	 * @throws CallTimeoutException if no reply came in time
	 */
	<T> T call(ActorRef target, Object request, Duration timeout);

	/**
	 * Send a request and wait for the reply; if none comes in time, return a default.
	 * Failures other than the timeout are thrown as by
	 * {@link #call(ActorRef, Object, Duration)}.
	 * @param <T> the type of the reply
	 * @param target the actor
	 * @param request the request
	 * @param timeout how long to wait
	 * @param defaultValue what to return on timeout
	 * @return the reply, or the default
	 */
	<T> @Nullable T call(ActorRef target, Object request, Duration timeout, @Nullable T defaultValue);

	/**
	 * Send a request without waiting: the future completes with the reply, or
	 * exceptionally (with a {@link CallTimeoutException} after the system's Bridge
	 * timeout). Completion runs on the thread that replies, so dependent stages should be
	 * quick or async.
	 * @param <T> the type of the reply
	 * @param target the actor
	 * @param request the request
	 * @return the future reply
	 */
	<T> CompletableFuture<T> ask(ActorRef target, Object request);

	/**
	 * Send a request without waiting, with a timeout.
	 * @param <T> the type of the reply
	 * @param target the actor
	 * @param request the request
	 * @param timeout when the future fails with a {@link CallTimeoutException}
	 * @return the future reply
	 */
	<T> CompletableFuture<T> ask(ActorRef target, Object request, Duration timeout);

	/**
	 * Send several requests at once and wait for all replies under one deadline. An actor
	 * that does not answer in time, or whose call fails, gets the default in its place.
	 * @param requests the requests, each with its actor
	 * @param timeout the deadline for all of them, from now
	 * @param defaultValue the value for the requests that got no reply
	 * @return the replies, in the order of the requests
	 */
	List<@Nullable Object> multiCall(List<Request> requests, Duration timeout, @Nullable Object defaultValue);

	/**
	 * Send {@link Stop} to each actor and wait, under one deadline, for them to confirm.
	 * @param actors the actors to stop
	 * @param timeout the deadline for all of them, from now
	 * @return one {@link Stopped} per actor in order, or {@code null} for an actor that
	 * did not confirm in time or had already stopped
	 */
	List<@Nullable Stopped> stop(List<ActorRef> actors, Duration timeout);

	/**
	 * Send a message with no sender, failing at once if the actor cannot accept it.
	 * @param target the actor
	 * @param message the message
	 * @throws ActorStoppedException if the actor has stopped
	 * @throws MailboxFullException if its bounded mailbox is full
	 * @throws ActorSystemShutdownException if the system is shutting down
	 */
	void send(ActorRef target, Object message);

	/**
	 * One request of a {@link #multiCall}.
	 *
	 * @param target the actor
	 * @param message the request
	 */
	record Request(ActorRef target, Object message) {
	}

}
