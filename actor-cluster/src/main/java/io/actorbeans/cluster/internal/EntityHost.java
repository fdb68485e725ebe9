package io.actorbeans.cluster.internal;

import io.actorbeans.ActorRef;
import io.actorbeans.Stop;
import io.actorbeans.boot.EntityActivator;
import io.actorbeans.boot.EntityType;
import io.actorbeans.cluster.internal.EntityMessages.Command;
import io.actorbeans.cluster.internal.EntityMessages.Deliver;
import io.actorbeans.cluster.internal.EntityMessages.HandOff;
import io.actorbeans.cluster.internal.EntityMessages.Idle;
import io.actorbeans.cluster.internal.EntityMessages.LocalEnded;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityContext;

/**
 * The Pekko sharded entity of one entity id on this node: it runs the entity's bean as an
 * actorbeans actor of the local system and forwards the messages to it in order. Runs on
 * Pekko's dispatcher, one message at a time.
 */
final class EntityHost extends AbstractBehavior<Command> {

	/*-
	 * Life: created by the shard on the first message for the id, it activates the local actor
	 * (<type>:<id>) at once. It ends only once that actor has ended (LocalEnded, from the local
	 * system's termination listener), so two activations of an entity never overlap, on one node or
	 * across two: the shard starts the next one, here or elsewhere, after this behaviour stopped.
	 *
	 *   HandOff (the shard's stop message: rebalance, leaving node, passivation) -> Stop the local
	 *   actor, wait for it.
	 *   A user's Stop (Bridge.stop(entityRef)) -> Stop the local actor with the caller as sender, so
	 *   it gets Stopped, and ask the shard to passivate, so that the messages sent after it wait in
	 *   the shard for the next activation.
	 *   Idle (receive timeout, for a type that passivates) -> ask the shard to passivate.
	 *   LocalEnded -> stop.
	 */

	private final EntityContext<Command> entityContext;

	private final ActorRef local;

	private final String actorName;

	private final String entityName;

	private final ClusterNode node;

	private boolean stopping;

	private EntityHost(ActorContext<Command> context, EntityContext<Command> entityContext, EntityType type,
			ClusterNode node) {
		super(context);
		this.entityContext = entityContext;
		this.node = node;
		this.actorName = EntityActivator.actorName(type.name(), entityContext.getEntityId());
		this.entityName = type.name() + "/" + entityContext.getEntityId();
		node.hosted(this.actorName, context.getSelf());
		this.local = node.activator().activate(type, entityContext.getEntityId());
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
			.onMessageEquals(LocalEnded.INSTANCE, Behaviors::stopped)
			.onSignal(PostStop.class, (signal) -> {
				this.node.unhosted(this.actorName, getContext().getSelf());
				return this;
			})
			.build();
	}

	private Behavior<Command> onDeliver(Deliver deliver) {
		ActorRef sender = (deliver.replyTo() != null)
				? new RemoteCaller(deliver.replyTo(), this.entityName, this.node.codec()) : null;
		this.local.send(deliver.payload(), sender);
		if (deliver.payload() instanceof Stop && !this.stopping) {
			this.stopping = true;
			this.entityContext.getShard().tell(new ClusterSharding.Passivate<>(getContext().getSelf()));
		}
		return this;
	}

	private Behavior<Command> onHandOff() {
		if (!this.stopping) {
			this.stopping = true;
			this.local.send(new Stop());
		}
		return this;
	}

	private Behavior<Command> onIdle() {
		if (!this.stopping) {
			this.entityContext.getShard().tell(new ClusterSharding.Passivate<>(getContext().getSelf()));
		}
		return this;
	}

}
