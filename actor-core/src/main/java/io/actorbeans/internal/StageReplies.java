package io.actorbeans.internal;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import io.actorbeans.ActorRef;
import io.actorbeans.CallerRef;
import io.actorbeans.HandlerFailedException;
import io.actorbeans.ReplyAdapter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replies of handlers that return a {@link CompletionStage}, or a result the system's
 * {@link ReplyAdapter} turns into one: sent when the stage completes. One per system;
 * thread-safe.
 */
final class StageReplies {

	/*-
	 * The handler's turn only starts the stage (the adapter subscribes on the actor's thread, right
	 * after the handler returned); the stage completes on whatever thread it likes. So nothing that
	 * runs on completion touches the actor: the reply goes to the sender from the completing thread,
	 * and a failure fails a Bridge caller's slot from there, at once, while the failure policy, which
	 * changes the actor, travels to the actor as a ReplyFailedSignal and runs on its own thread, in
	 * mailbox order: the signal is enqueued before the caller is told, so that it comes before
	 * anything the caller sends once told. Until the stage has completed and what it had to send is sent (the reply, or
	 * the signal), it is work in flight, which a graceful shutdown waits for.
	 */

	private static final Logger logger = LoggerFactory.getLogger(StageReplies.class);

	private final DefaultActorSystem system;

	private final @Nullable ReplyAdapter adapter;

	/** Whether the adapter supports a result class; asked once per class. */
	private final ClassValue<Boolean> supported = new ClassValue<>() {

		@Override
		protected Boolean computeValue(Class<?> type) {
			ReplyAdapter adapter = StageReplies.this.adapter;
			return adapter != null && adapter.supports(type);
		}

	};

	StageReplies(DefaultActorSystem system, @Nullable ReplyAdapter adapter) {
		this.system = system;
		this.adapter = adapter;
	}

	/**
	 * The stage a handler's result stands for: the result itself if it is a
	 * {@code CompletionStage}, what the adapter makes of it if it supports its class,
	 * else {@code null}. On the actor's thread, right after the handler returned.
	 * @param result the handler's result
	 * @return the stage, or {@code null} if the result is the reply itself
	 */
	@Nullable CompletionStage<?> stageOf(Object result) {
		if (result instanceof CompletionStage<?> stage) {
			return stage;
		}
		ReplyAdapter adapter = this.adapter;
		if (adapter == null || !this.supported.get(result.getClass())) {
			return null;
		}
		return adapter.adapt(result);
	}

	/**
	 * Reply with the stage's value once it completes, on the thread that completes it.
	 * From the actor's thread.
	 * @param actor the actor whose handler returned the stage
	 * @param sender whom to reply to
	 * @param stage the stage
	 * @param message the message the handler took
	 * @param handler the handler
	 */
	void replyWhenComplete(ActorCell actor, @Nullable ActorRef sender, CompletionStage<?> stage, Object message,
			Handler handler) {
		this.system.stageStarted();
		stage.whenComplete((value, failure) -> {
			try {
				if (failure == null) {
					if (value != null) {
						actor.reply(sender, value);
					}
				}
				else {
					fail(actor, sender, message, handler, unwrap(failure));
				}
			}
			finally {
				this.system.stageEnded();
			}
		});
	}

	/**
	 * The stage failed: the handler has failed. The failure policy runs on the actor's
	 * thread; a Bridge caller fails now.
	 */
	private void fail(ActorCell actor, @Nullable ActorRef sender, Object message, Handler handler, Throwable cause) {
		String where = "in the reply of handler '" + handler + "'";
		// the failure is in the mailbox before the caller, told of it, can send anything
		if (!actor.offerSignal(new ReplyFailedSignal(message, where, cause), null)) {
			logger.warn("Actor '{}' failed handling {} {}, after it ended ({})", actor.name(),
					message.getClass().getName(), where, cause.toString(), cause);
		}
		if (sender instanceof CallerRef caller) {
			caller.requestFailed(new HandlerFailedException("Actor '" + actor.name() + "' failed handling "
					+ message.getClass().getName() + " " + where + ": " + cause, cause));
		}
	}

	private static Throwable unwrap(Throwable failure) {
		return (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause() : failure;
	}

}
