package io.actorbeans.cluster.internal;

import java.util.ArrayDeque;
import java.util.Queue;

import io.actorbeans.ActorRef;
import io.actorbeans.ActorStoppedException;
import io.actorbeans.Stop;
import io.actorbeans.boot.EntityActivator;
import io.actorbeans.boot.EntityType;
import io.actorbeans.cluster.internal.EntityMessages.Command;
import io.actorbeans.cluster.internal.EntityMessages.Deliver;
import io.actorbeans.cluster.internal.EntityMessages.Failure;
import io.actorbeans.cluster.internal.EntityMessages.HandOff;
import io.actorbeans.cluster.internal.EntityMessages.Idle;
import io.actorbeans.cluster.internal.EntityMessages.LocalEnded;
import io.actorbeans.cluster.internal.EntityMessages.PassivateRequest;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityContext;
import org.jspecify.annotations.Nullable;

/**
 * The Pekko sharded entity of one entity id on this node: it runs the entity's bean as an
 * actorbeans actor of the local system and forwards the messages to it in order. Runs on
 * Pekko's dispatcher, one message at a time.
 */
final class EntityHost extends AbstractBehavior<Command> {

	/*-
	 * Life: created by the shard for the first message to the id on this node. Its activation, the
	 * local actor <type>:<id>, is spawned by the first message it forwards, and again by the first
	 * message after an activation ended. The host ends only once its activation has ended
	 * (LocalEnded, from the local system's termination listener), so two activations of an entity
	 * never overlap, on one node or across two: the shard starts the next host, here or elsewhere,
	 * after this one stopped. States of the activation:
	 *
	 *   none      the next Deliver spawns one
	 *   active    Delivers are forwarded as they come
	 *   stopping  a Stop went to it: Delivers are held here, in order, until it has ended; then the
	 *             held ones go to the next activation, so that the messages sent after a Stop reach
	 *             a fresh activation and none reaches an ended one
	 *
	 *   A user's Stop (Bridge.stop(entityRef)) -> forwarded with the caller as sender, who gets
	 *   Stopped: stopping.
	 *   HandOff (the shard's stop message: rebalance, leaving node, passivation) -> the host ends
	 *   after its activation: a Stop after the messages forwarded or held so far (the shard holds
	 *   the later ones for the next host); with no activation, at once.
	 *   Idle (receive timeout, for a type that passivates), PassivateRequest (Entities.passivate
	 *   from the activation's handler), or an activation ended with nothing held -> ask the shard
	 *   to passivate: it answers with HandOff, after the messages it had already delivered here.
	 */

	private final EntityContext<Command> entityContext;

	private final EntityType type;

	private final String actorName;

	private final String entityName;

	private final ClusterNode node;

	private final Queue<Deliver> held = new ArrayDeque<>();

	private @Nullable ActorRef activation;

	private boolean stopping;

	private boolean passivating;

	private boolean handingOff;

	private EntityHost(ActorContext<Command> context, EntityContext<Command> entityContext, EntityType type,
			ClusterNode node) {
		super(context);
		this.entityContext = entityContext;
		this.type = type;
		this.node = node;
		this.actorName = EntityActivator.actorName(type.name(), entityContext.getEntityId());
		this.entityName = type.name() + "/" + entityContext.getEntityId();
		node.hosted(this.actorName, context.getSelf());
		if (type.passivates()) {
			context.setReceiveTimeout(type.passivateAfter(), Idle.INSTANCE);
		}
	}

	static Behavior<Command> create(EntityContext<Command> entityContext, EntityType type, ClusterNode node) {
		return Behaviors.setup((context) -> new EntityHost(context, entityContext, type, node));
	}

	@Override
	public Receive<Command> createReceive() {
		return newReceiveBuilder().onMessage(Deliver.class, this::onDeliver)
			.onMessageEquals(HandOff.INSTANCE, this::onHandOff)
			.onMessageEquals(Idle.INSTANCE, this::onIdle)
			.onMessage(PassivateRequest.class, this::onPassivateRequest)
			.onMessageEquals(LocalEnded.INSTANCE, this::onLocalEnded)
			.onSignal(PostStop.class, (signal) -> {
				this.node.unhosted(this.actorName, getContext().getSelf());
				return this;
			})
			.build();
	}

	private Behavior<Command> onDeliver(Deliver deliver) {
		if (this.stopping) {
			this.held.add(deliver);
		}
		else {
			forward(deliver);
		}
		return this;
	}

	private Behavior<Command> onHandOff() {
		this.handingOff = true;
		if (this.activation == null) {
			return Behaviors.stopped();
		}
		if (!this.stopping) {
			stopActivation(this.activation);
		}
		return this;
	}

	private Behavior<Command> onIdle() {
		if (!this.stopping) {
			requestPassivation();
		}
		return this;
	}

	private Behavior<Command> onPassivateRequest(PassivateRequest request) {
		if (request.activation().equals(this.activation) && !this.stopping) {
			requestPassivation();
		}
		return this;
	}

	private Behavior<Command> onLocalEnded() {
		this.activation = null;
		this.stopping = false;
		Deliver next;
		while (!this.stopping && (next = this.held.poll()) != null) {
			forward(next);
		}
		if (this.activation == null) {
			if (this.handingOff) {
				return Behaviors.stopped();
			}
			requestPassivation();
		}
		else if (this.handingOff && !this.stopping) {
			stopActivation(this.activation);
		}
		return this;
	}

	/** Send a message to the activation, spawning one if there is none. */
	private void forward(Deliver deliver) {
		ActorRef target = this.activation;
		if (target == null) {
			try {
				target = this.node.activator().activate(this.type, this.entityContext.getEntityId());
			}
			catch (RuntimeException ex) {
				if (deliver.replyTo() != null) {
					deliver.replyTo()
						.tell(Failure.of(new ActorStoppedException(this.entityName,
								"Entity '" + this.entityName + "' could not be activated: " + ex)));
				}
				requestPassivation();
				return;
			}
			this.activation = target;
		}
		ActorRef sender = (deliver.replyTo() != null)
				? new RemoteCaller(deliver.replyTo(), this.entityName, this.node.codec()) : null;
		target.send(deliver.payload(), sender);
		if (deliver.payload() instanceof Stop) {
			this.stopping = true;
		}
	}

	private void stopActivation(ActorRef target) {
		this.stopping = true;
		target.send(new Stop());
	}

	private void requestPassivation() {
		if (!this.passivating && !this.handingOff) {
			this.passivating = true;
			this.entityContext.getShard().tell(new ClusterSharding.Passivate<>(getContext().getSelf()));
		}
	}

}
