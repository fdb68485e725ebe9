package io.actorbeans.cluster.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.actorbeans.ActorInfo;
import io.actorbeans.TerminationListener;
import io.actorbeans.boot.EntityActivator;
import io.actorbeans.boot.EntityType;
import io.actorbeans.boot.EntityTypes;
import io.actorbeans.cluster.internal.EntityMessages.Command;
import io.actorbeans.cluster.internal.EntityMessages.HandOff;
import io.actorbeans.cluster.internal.EntityMessages.LocalEnded;
import io.actorbeans.cluster.internal.EntityMessages.PassivateRequest;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * INTERNAL API: this node of the cluster, a Pekko actor system with a shard region per
 * entity type, whose entities run as actors of the local actorbeans system. Thread-safe.
 */
public final class ClusterNode implements TerminationListener {

	private final ActorSystem<Void> system;

	private final ClusterSharding sharding;

	private final Map<String, EntityTypeKey<Command>> keys = new HashMap<>();

	private final Map<String, ActorRef<Command>> hosted = new ConcurrentHashMap<>();

	private final EntityActivator activator;

	private final MessageCodec codec;

	private final String codecKey;

	private final Duration replyTimeout;

	private final LongAdder undelivered = new LongAdder();

	/**
	 * The actor system's termination, converted once: each conversion adds a callback.
	 */
	private final CompletableFuture<Done> whenTerminated;

	private ClusterNode(Config config, String name, EntityTypes types, EntityActivator activator, MessageCodec codec,
			Duration replyTimeout) {
		this.activator = activator;
		this.codec = codec;
		this.replyTimeout = replyTimeout;
		this.codecKey = UUID.randomUUID().toString();
		codec.register(this.codecKey);
		Config withCodec = ConfigFactory.parseMap(Map.of(EntityMessageSerializer.CODEC_KEY, this.codecKey))
			.withFallback(config);
		try {
			this.system = ActorSystem.create(Behaviors.empty(), name, withCodec);
		}
		catch (RuntimeException ex) {
			MessageCodec.unregister(this.codecKey);
			throw ex;
		}
		this.whenTerminated = this.system.getWhenTerminated().toCompletableFuture();
		this.whenTerminated.whenComplete((done, failure) -> MessageCodec.unregister(this.codecKey));
		UndeliveredMessages.watch(this.system, this.undelivered);
		this.sharding = ClusterSharding.get(this.system);
		for (EntityType type : types.all()) {
			EntityTypeKey<Command> key = EntityTypeKey.create(Command.class, type.name());
			this.keys.put(type.name(), key);
			this.sharding.init(Entity.of(key, (context) -> EntityHost.create(context, type, this))
				.withStopMessage(HandOff.INSTANCE));
		}
	}

	/**
	 * Start the node: its actor system joins the cluster of its configuration.
	 * @param config the Pekko configuration
	 * @param name the actor system's name, the same on every node
	 * @param types the entity types, one shard region each
	 * @param activator spawns the entities' actors
	 * @param codec the codec of the entities' messages
	 * @param replyTimeout how long a reply from another node is awaited
	 * @return the node
	 */
	public static ClusterNode start(Config config, String name, EntityTypes types, EntityActivator activator,
			MessageCodec codec, Duration replyTimeout) {
		return new ClusterNode(config, name, types, activator, codec, replyTimeout);
	}

	EntityRef<Command> entityRef(String type, String id) {
		return this.sharding.entityRefFor(this.keys.get(type), id);
	}

	EntityActivator activator() {
		return this.activator;
	}

	MessageCodec codec() {
		return this.codec;
	}

	Duration replyTimeout() {
		return this.replyTimeout;
	}

	void hosted(String actorName, ActorRef<Command> host) {
		this.hosted.put(actorName, host);
	}

	void unhosted(String actorName, ActorRef<Command> host) {
		this.hosted.remove(actorName, host);
	}

	/**
	 * Passivate a hosted entity once its actor has handled the messages delivered so far.
	 * @param actorName the name of the entity's actor
	 * @param activation the actor that asks
	 */
	void passivate(String actorName, io.actorbeans.ActorRef activation) {
		ActorRef<Command> host = this.hosted.get(actorName);
		if (host != null) {
			host.tell(new PassivateRequest(activation));
		}
	}

	/** The local actor of a hosted entity has ended: its host may stop. */
	@Override
	public void onTerminated(ActorInfo actor) {
		ActorRef<Command> host = this.hosted.get(actor.name());
		if (host != null) {
			host.tell(LocalEnded.INSTANCE);
		}
	}

	/**
	 * Whether this node is an up member of the cluster.
	 * @return {@code true} if its status is Up or WeaklyUp
	 */
	public boolean isUp() {
		MemberStatus status = Cluster.get(this.system).selfMember().status();
		return status == MemberStatus.up() || status == MemberStatus.weaklyUp();
	}

	/**
	 * This node's status as a member, as Pekko names it.
	 * @return Joining, WeaklyUp, Up, Leaving, Exiting, Down, Removed, ...
	 */
	public String selfStatus() {
		return Cluster.get(this.system).selfMember().status().toString();
	}

	/**
	 * This node's address, {@code pekko://name@host:port}.
	 * @return the address
	 */
	public String selfAddress() {
		return Cluster.get(this.system).selfMember().address().toString();
	}

	/**
	 * The members of the cluster that this node sees, by address.
	 * @return each member's address and status
	 */
	public List<MemberDescriptor> members() {
		List<MemberDescriptor> members = new ArrayList<>();
		var state = Cluster.get(this.system).state();
		var unreachable = state.getUnreachable();
		for (Member member : state.getMembers()) {
			members.add(new MemberDescriptor(member.address().toString(), member.status().toString(),
					!unreachable.contains(member)));
		}
		return members;
	}

	/**
	 * The entities this node hosts, by type.
	 * @return the count of each type, every type included
	 */
	public Map<String, Integer> hostedEntities() {
		Map<String, Integer> counts = new HashMap<>();
		this.keys.keySet().forEach((type) -> counts.put(type, 0));
		for (String actorName : this.hosted.keySet()) {
			counts.merge(EntityActivator.typeOf(actorName), 1, Integer::sum);
		}
		return counts;
	}

	/**
	 * The messages to entities that this node's Pekko dropped before they reached an
	 * entity's host, since the node started.
	 * @return their count
	 */
	public long undeliveredMessages() {
		return this.undelivered.sum();
	}

	/**
	 * Leave the cluster: hand the entities off to the other nodes (their local actors
	 * stop first), then terminate the actor system. Thread-safe; idempotent.
	 * @return completes once the system has terminated
	 */
	public CompletionStage<Done> leave() {
		return CoordinatedShutdown.get(this.system).runAll(CoordinatedShutdown.clusterLeavingReason());
	}

	/**
	 * Whether the actor system has terminated (left, or downed).
	 * @return {@code true} once terminated
	 */
	public boolean isTerminated() {
		return this.whenTerminated.isDone();
	}

	/**
	 * A member of the cluster.
	 *
	 * @param address its address
	 * @param status its status (Joining, Up, Leaving, ...)
	 * @param reachable whether this node can reach it
	 */
	public record MemberDescriptor(String address, String status, boolean reachable) {
	}

}
