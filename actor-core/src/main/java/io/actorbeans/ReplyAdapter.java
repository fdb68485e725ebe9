package io.actorbeans;

import java.util.concurrent.CompletionStage;

/**
 * Turns a handler's result of a type the runtime does not know, a {@code Mono} or a
 * {@code Flux} say, into the reply it stands for. Set with
 * {@link ActorSystemSettings#withReplyAdapter}; the Spring Boot starter sets one that
 * asks Spring's {@code ReactiveAdapterRegistry}.
 * <p>
 * A handler's result is sent to the sender as it is, unless it is a
 * {@link CompletionStage}, whose value is sent once it completes, or the adapter
 * {@link #supports supports} its class: then its {@link #adapt adapted} stage is treated
 * as a returned {@code CompletionStage}. Its value is the reply ({@code null} for none),
 * sent from the thread that completes the stage; if it fails, the handler has failed: a
 * Bridge caller gets a {@link HandlerFailedException} with the cause, and the actor's
 * failure policy applies, on the actor's own thread, to the message that the handler
 * took.
 * <p>
 * Thread-safe: the runtime calls both methods on the threads of the actors. The adapter's
 * work must not block; the stage completes later, on any thread, and nothing that
 * completes it may touch the actor's state.
 *
 * @since 0.1.0
 */
public interface ReplyAdapter {

	/**
	 * Whether results of a class are adapted. Asked once per class and actor system; the
	 * answer is kept.
	 * @param resultClass the class of a handler's result, never a {@link CompletionStage}
	 * @return whether {@link #adapt} takes its instances
	 */
	boolean supports(Class<?> resultClass);

	/**
	 * Start what a result stands for, right after the handler returned it, on the actor's
	 * thread: subscribe to a publisher, say.
	 * @param result a handler's result, of a class this adapter supports
	 * @return the stage of the reply: its value, or {@code null} for no reply
	 */
	CompletionStage<?> adapt(Object result);

}
