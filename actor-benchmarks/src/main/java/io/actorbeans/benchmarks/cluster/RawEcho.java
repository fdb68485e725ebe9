package io.actorbeans.benchmarks.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.typed.Cluster;
import org.jspecify.annotations.Nullable;

/**
 * Pekko's own form of the echo entity, on the Pekko actor system that actor-cluster
 * starts on each node: a plain typed behaviour sharded as {@code raw-echo}, asked with
 * {@code EntityRef.ask}; its messages are written by Pekko's Jackson serializer (JSON).
 * Pekko creates this extension once per system, from the system's configuration
 * ({@code pekko.actor.typed.extensions}), which registers the entity type there before
 * the node joins. Thread-safe.
 *
 * @since 0.1.0
 */
public final class RawEcho implements Extension {

	/** The sharded entity type. */
	static final EntityTypeKey<Ping> KEY = EntityTypeKey.create(Ping.class, "raw-echo");

	/** The extension of each node in this JVM, by remoting port. */
	private static final Map<Integer, RawEcho> BY_PORT = new ConcurrentHashMap<>();

	private final ActorSystem<?> system;

	private final ClusterSharding sharding;

	private RawEcho(ActorSystem<?> system) {
		this.system = system;
		int port = system.settings().config().getInt("pekko.remote.artery.canonical.port");
		this.sharding = ClusterSharding.get(system);
		this.sharding.init(Entity.of(KEY, (context) -> echo(port)));
		BY_PORT.put(port, this);
		system.getWhenTerminated().whenComplete((done, failure) -> BY_PORT.remove(port, this));
	}

	private static Behavior<Ping> echo(int port) {
		return Behaviors.receiveMessage((ping) -> {
			ping.replyTo().tell(new Echoed(ping.seq(), port));
			return Behaviors.same();
		});
	}

	/**
	 * The extension of the node with this remoting port, in this JVM.
	 * @param port the node's remoting port
	 * @return the extension, or {@code null} if no such node runs here
	 */
	static @Nullable RawEcho forPort(int port) {
		return BY_PORT.get(port);
	}

	/**
	 * Ask an entity for the echo of a number and wait for it, as a Pekko user does.
	 * Thread-safe.
	 * @param id the entity's id
	 * @param seq the number
	 * @param timeout the ask's timeout
	 * @return the reply
	 */
	Echoed call(String id, long seq, Duration timeout) {
		try {
			return this.sharding.entityRefFor(KEY, id)
				.<Echoed>ask((replyTo) -> new Ping(seq, replyTo), timeout)
				.toCompletableFuture()
				.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Ask of raw-echo " + id + " failed", ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("Ask of raw-echo " + id + " did not complete", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The members of the cluster that are up, as this node sees them. Thread-safe.
	 * @return their number
	 */
	int upMembers() {
		int up = 0;
		for (Member member : Cluster.get(this.system).state().getMembers()) {
			if (member.status() == MemberStatus.up()) {
				up++;
			}
		}
		return up;
	}

	/**
	 * A request: the entity replies an {@link Echoed} with the same number.
	 *
	 * @param seq the number
	 * @param replyTo the asker
	 */
	public record Ping(long seq, ActorRef<Echoed> replyTo) {
	}

	/**
	 * The id Pekko creates the extension with, named in
	 * {@code pekko.actor.typed.extensions}. Thread-safe.
	 */
	public static final class Id extends ExtensionId<RawEcho> {

		private static final Id INSTANCE = new Id();

		/**
		 * The id, for Pekko.
		 * @return the single instance
		 */
		public static Id getInstance() {
			return INSTANCE;
		}

		@Override
		public RawEcho createExtension(ActorSystem<?> system) {
			return new RawEcho(system);
		}

	}

}
