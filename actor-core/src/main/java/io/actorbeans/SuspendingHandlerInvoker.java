package io.actorbeans;

import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

/**
 * Calls the handlers that suspend: Kotlin {@code suspend} functions, which the runtime
 * recognizes by their last parameter, a {@code kotlin.coroutines.Continuation}, but
 * cannot call by itself, since the core does not depend on Kotlin. The runtime finds one
 * with {@link java.util.ServiceLoader} (from the behaviour class's class loader) when it
 * builds the handler table of a class that has such a handler; {@code
 * io.actorbeans:actor-kotlin} provides it. Without one, a spawn of such a class fails and
 * says so.
 * <p>
 * Thread-safe: {@link #invoke} is called on the threads of the actors, one call per
 * message.
 *
 * @since 0.1.0
 */
public interface SuspendingHandlerInvoker {

	/**
	 * Start a suspending handler. Called on the actor's thread, in the handler's turn.
	 * @param handler calls the handler method with the continuation it is given
	 * @param actorThread runs tasks on the actor's own thread, between its messages, in
	 * mailbox order: where the handler resumes after it suspended. It rejects tasks (with
	 * a {@link java.util.concurrent.RejectedExecutionException}) once the actor has
	 * ended. Thread-safe.
	 * @return the handler's result if it completed without suspending, else a
	 * {@link java.util.concurrent.CompletionStage} of it, which replies when it completes
	 * @throws Throwable what the handler threw before it suspended
	 */
	@Nullable Object invoke(SuspendingCall handler, Executor actorThread) throws Throwable;

	/**
	 * A task for the actor's thread that is told when the actor ended before running it,
	 * so that the handler it would resume can be cancelled rather than left suspended.
	 */
	interface Resumption extends Runnable {

		/**
		 * The actor ended before it ran this task, which it never will. Called once, on
		 * the thread that ends the actor: must be quick and must not block.
		 */
		void rejected();

	}

	/**
	 * A call of one suspending handler with one message: the arguments but the
	 * continuation are bound.
	 */
	@FunctionalInterface
	interface SuspendingCall {

		/**
		 * Call the handler method. On the actor's thread.
		 * @param continuation a {@code kotlin.coroutines.Continuation}, the method's last
		 * argument
		 * @return what the method returns: its result, or Kotlin's marker that it
		 * suspended
		 * @throws Throwable what the method throws
		 */
		@Nullable Object call(Object continuation) throws Throwable;

	}

}
