package io.actorbeans.cluster.internal;

import io.actorbeans.ActorException;
import io.actorbeans.ActorRef;
import io.actorbeans.CallerRef;
import io.actorbeans.cluster.internal.EntityMessages.Failure;
import io.actorbeans.cluster.internal.EntityMessages.Outcome;
import io.actorbeans.cluster.internal.EntityMessages.Reply;
import org.jspecify.annotations.Nullable;

/**
 * The sender of a message from another node, as the entity's actor sees it: its replies,
 * and the failure of its request, go back to the asker there. Thread-safe.
 */
final class RemoteCaller implements CallerRef {

	private final org.apache.pekko.actor.typed.ActorRef<Outcome> replyTo;

	private final String entity;

	private final MessageCodec codec;

	RemoteCaller(org.apache.pekko.actor.typed.ActorRef<Outcome> replyTo, String entity, MessageCodec codec) {
		this.replyTo = replyTo;
		this.entity = entity;
		this.codec = codec;
	}

	@Override
	public String name() {
		return "caller-of-" + this.entity + "@" + this.replyTo.path().address();
	}

	@Override
	public void send(Object message, @Nullable ActorRef sender) {
		try {
			this.codec.keyOf(message, this.entity);
		}
		catch (IllegalArgumentException ex) {
			this.replyTo.tell(new Failure("HandlerFailedException", ex.getMessage()));
			return;
		}
		this.replyTo.tell(new Reply(message));
	}

	@Override
	public void requestFailed(ActorException failure) {
		this.replyTo.tell(Failure.of(failure));
	}

}
