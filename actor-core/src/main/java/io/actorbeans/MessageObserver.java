package io.actorbeans;

import org.jspecify.annotations.Nullable;

/**
 * Observes each message an actor handles: told when its handling starts, on the actor's
 * thread inside the context the message carried (see {@link ContextPropagator}), and how
 * it ended. A metrics or tracing library implements it to time handlers and to make a
 * span the current one while the handler runs. Set with
 * {@link ActorSystemSettings#withMessageObserver}.
 * <p>
 * Observed are the messages a handler may take: sent and replied messages, Bridge calls,
 * timer ticks, a watched actor's {@code Terminated}, and piped outcomes once opened into
 * their message. Not observed are a {@code Stop}, which no handler takes, and a piped
 * outcome whose mapper returned nothing or threw.
 * <p>
 * Thread-safe: {@link #start} is called by the thread of the actor that handles the
 * message, and {@link Handling#end} by the same thread, once, after the handler has
 * returned or thrown (or none was found), before the actor's next message. Both are on
 * the path of every message, so they must be quick. An exception from either ends the
 * actor as failed, as any failure outside its handlers does. Without an observer the
 * runtime calls nothing and allocates nothing.
 *
 * @since 0.1.0
 */
public interface MessageObserver {

	/**
	 * The handling of a message starts.
	 * @param actor the actor that handles it
	 * @param message the message its handler is given (for a timer, the tick)
	 * @return the handling, which the runtime ends
	 */
	Handling start(ActorRef actor, Object message);

	/**
	 * The handling of one message, started by {@link MessageObserver#start}. Ended once,
	 * by the thread that started it.
	 */
	@FunctionalInterface
	interface Handling {

		/**
		 * The handling has ended.
		 * @param outcome how
		 * @param failure what the handler threw, for {@link Outcome#FAILURE}; otherwise
		 * {@code null}
		 */
		void end(Outcome outcome, @Nullable Throwable failure);

	}

	/**
	 * How the handling of a message ended.
	 */
	enum Outcome {

		/** A handler took the message and returned. */
		SUCCESS,

		/**
		 * A handler took the message and threw, or its handler could not be looked up.
		 */
		FAILURE,

		/** No handler takes the message: it became a dead letter. */
		UNHANDLED

	}

}
