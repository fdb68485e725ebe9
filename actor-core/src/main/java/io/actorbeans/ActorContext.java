package io.actorbeans;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;

/**
 * What a handler may know and do about its own actor. Take it as a handler parameter.
 * <p>
 * Only from a handler of this actor, on the thread that runs it: a context is not
 * thread-safe and must not escape the handler (keep {@link #self()} instead).
 *
 * @since 0.1.0
 */
public interface ActorContext {

	/**
	 * This actor's own ref, to give to others or to send to oneself.
	 * @return the ref of this actor
	 */
	ActorRef self();

	/**
	 * The sender of the message being handled.
	 * @return the sender, or {@code null} when the message has none
	 */
	@Nullable ActorRef sender();

	/**
	 * Send a message to the sender of the message being handled, with this actor as its
	 * sender. Without a sender the reply becomes a {@link DeadLetter}.
	 * @param message the reply
	 */
	void reply(Object message);

	/**
	 * The system this actor runs in.
	 * @return the actor system
	 */
	ActorSystem system();

	/**
	 * Stop this actor once the current message is handled. Messages still in its mailbox
	 * or its stash become dead letters, its timers end, and its children stop.
	 */
	void stop();

	/**
	 * Defer the message being handled: it is kept, with its sender, until
	 * {@link #unstashAll()}. A handler that stashes its message should not reply to it.
	 * Stashed messages left when the actor stops become dead letters.
	 * @throws StashOverflowException if the stash holds its capacity already
	 * ({@link SpawnOptions#stashCapacity()}); the message then becomes a dead letter
	 */
	void stash();

	/**
	 * Put every stashed message back, in the order they were stashed, ahead of the
	 * messages in the mailbox: they are the next ones handled, after the current one.
	 */
	void unstashAll();

	/**
	 * The number of messages in the stash.
	 * @return the stash's size
	 */
	int stashSize();

	/**
	 * Let another object's {@link Handles @Handles} methods handle the next messages,
	 * until {@link #unbecome()}. Its handlers are validated like a spawned behaviour's,
	 * and its handler table is built once per class.
	 * @param behavior the new behaviour
	 * @throws InvalidBehaviorException if its handlers are invalid
	 */
	void become(Object behavior);

	/**
	 * Return to the behaviour that was active before the last {@link #become(Object)}.
	 * @throws IllegalStateException if no become is in effect
	 */
	void unbecome();

	/**
	 * This actor's timers.
	 * @return the timers
	 */
	Timers timers();

	/**
	 * Be sent a {@link Terminated} when the actor ends: at once if it has already ended.
	 * Watching an actor twice has the effect of watching it once.
	 * @param actor an actor of this system
	 * @throws IllegalArgumentException if the ref is not an actor of this system
	 */
	void watch(ActorRef actor);

	/**
	 * Stop watching an actor: no {@link Terminated} for it is handled from now on, even
	 * one already in the mailbox. Does nothing if it is not watched.
	 * @param actor the watched actor
	 */
	void unwatch(ActorRef actor);

	/**
	 * Send a request and get its reply as a future, without waiting. The future completes
	 * on the replying actor's thread (or the scheduler's, at the timeout): to use the
	 * outcome in this actor, {@link #pipeToSelf pipe it to self} rather than touch this
	 * actor's state in a callback.
	 * @param <T> the type of the reply
	 * @param target the actor to ask
	 * @param request the request
	 * @param timeout how long to wait for the reply
	 * @return the reply; it fails with {@link CallTimeoutException} when late, and at
	 * once with the other {@link ActorException}s of a {@link Bridge} call
	 */
	<T> CompletableFuture<T> ask(ActorRef target, Object request, Duration timeout);

	/**
	 * Deliver the outcome of a future to this actor as a message, through its mailbox:
	 * when the future completes, the mapper runs on this actor's thread with the value or
	 * the failure, and what it returns is handled like any message, with no sender. If
	 * this actor has stopped by then, the outcome becomes a dead letter.
	 * @param <T> the type of the value
	 * @param future the future
	 * @param mapper maps (value, null) or (null, failure) to the message to handle
	 */
	<T> void pipeToSelf(CompletionStage<T> future,
			BiFunction<? super @Nullable T, ? super @Nullable Throwable, ?> mapper);

	/**
	 * Spawn a child actor with the system's default options. The child is named
	 * {@code <this actor's name>/<name>} and stops when this actor stops.
	 * @param name the child's name among this actor's children, without {@code /}
	 * @param behavior the child's behaviour
	 * @return the child's ref
	 * @see ActorSystem#spawn(String, Object)
	 */
	ActorRef spawn(String name, Object behavior);

	/**
	 * Spawn a child actor with its own options.
	 * @param name the child's name among this actor's children, without {@code /}
	 * @param behavior the child's behaviour
	 * @param options the options
	 * @return the child's ref
	 * @see ActorSystem#spawn(String, Object, SpawnOptions)
	 */
	ActorRef spawn(String name, Object behavior, SpawnOptions options);

}
