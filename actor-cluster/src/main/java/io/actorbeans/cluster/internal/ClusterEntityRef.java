package io.actorbeans.cluster.internal;

import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import io.actorbeans.ActorRef;
import io.actorbeans.CallTimeoutException;
import io.actorbeans.CallerRef;
import io.actorbeans.boot.AbstractEntityRef;
import io.actorbeans.cluster.internal.EntityMessages.Deliver;
import io.actorbeans.cluster.internal.EntityMessages.Failure;
import io.actorbeans.cluster.internal.EntityMessages.Outcome;
import io.actorbeans.cluster.internal.EntityMessages.Reply;
import org.jspecify.annotations.Nullable;

/**
 * The ref of an entity placed by Pekko Cluster Sharding. A message with a sender is sent
 * with Pekko's ask, and its reply, or the failure of the request, comes back to the
 * sender, relayed on the thread that completes the ask (Pekko's, for a reply or a
 * timeout). Thread-safe.
 */
final class ClusterEntityRef extends AbstractEntityRef {

	private final ClusterEntities entities;

	ClusterEntityRef(ClusterEntities entities, String type, String id) {
		super(entities, type, id);
		this.entities = entities;
	}

	/**
	 * Send a message to the entity, wherever it lives.
	 * @throws io.actorbeans.cluster.ClusterUnavailableException if this node is not an up
	 * member of the cluster
	 * @throws IllegalArgumentException if the message's type may not cross nodes
	 */
	@Override
	public void send(Object message, @Nullable ActorRef sender) {
		String name = name();
		ClusterNode node = this.entities.upNode(name);
		node.codec().keyOf(message, name);
		var entity = node.entityRef(entityType(), entityId());
		if (sender == null) {
			entity.tell(new Deliver(message, null));
			return;
		}
		// Pekko's stage runs even its non-async callbacks on the common pool, which
		// starts a thread per callback where it has one thread (2 cores): the relay runs
		// where the ask completes instead
		entity.<Outcome>ask((replyTo) -> new Deliver(message, replyTo), node.replyTimeout())
			.whenCompleteAsync((outcome, failure) -> relay(sender, outcome, failure, node), Runnable::run);
	}

	private void relay(ActorRef sender, @Nullable Outcome outcome, @Nullable Throwable failure, ClusterNode node) {
		if (failure instanceof CompletionException && failure.getCause() != null) {
			failure = failure.getCause();
		}
		if (outcome instanceof Reply reply) {
			sender.send(reply.payload(), this);
		}
		else if (sender instanceof CallerRef caller) {
			if (outcome instanceof Failure remote) {
				caller.requestFailed(remote.toException(name()));
			}
			else if (failure instanceof TimeoutException) {
				caller.requestFailed(new CallTimeoutException(name(), "Entity '" + name() + "' did not reply within "
						+ node.replyTimeout().toMillis() + " ms (actorbeans.cluster.reply-timeout)"));
			}
		}
	}

}
