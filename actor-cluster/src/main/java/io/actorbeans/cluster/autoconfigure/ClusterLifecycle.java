package io.actorbeans.cluster.autoconfigure;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.actorbeans.ActorSystem;
import io.actorbeans.boot.autoconfigure.ActorSystemLifecycle;
import io.actorbeans.cluster.internal.ClusterEntities;
import io.actorbeans.cluster.internal.ClusterNode;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Starts this node of the cluster once the context has been refreshed, and on shutdown
 * leaves the cluster, handing its entities off to the other nodes, before the actor
 * system stops. Called by the container.
 *
 * @since 0.1.0
 */
public class ClusterLifecycle implements SmartLifecycle {

	/*-
	 * Phase: between Spring's task executors (ExecutorConfigurationSupport.DEFAULT_PHASE), which
	 * stop first, and the actor system (ActorSystemLifecycle.PHASE), which stops after: on SIGTERM
	 * the web server drains, the executors finish, then the node leaves, its shard regions hand the
	 * entities off (each entity's local actor stops, and is awaited), Pekko terminates, and only then
	 * the actor system shuts down. Pekko runs no JVM shutdown hook of its own (see PekkoSettings).
	 */

	/**
	 * The lifecycle phase: just after the actor system's on start, just before on stop.
	 */
	public static final int PHASE = ActorSystemLifecycle.PHASE + 512;

	private static final Log logger = LogFactory.getLog(ClusterLifecycle.class);

	private final Supplier<ClusterNode> starter;

	private final ClusterEntities entities;

	private final ActorSystem actorSystem;

	private volatile @Nullable ClusterNode node;

	/** The undelivered messages of the nodes that have left. */
	private final AtomicLong undeliveredBefore = new AtomicLong();

	/**
	 * Create the lifecycle of a node.
	 * @param starter starts the node
	 * @param entities the entities, told of the node
	 * @param actorSystem the local actor system, whose terminations the node learns
	 */
	public ClusterLifecycle(Supplier<ClusterNode> starter, ClusterEntities entities, ActorSystem actorSystem) {
		this.starter = starter;
		this.entities = entities;
		this.actorSystem = actorSystem;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	@Override
	public void start() {
		if (this.node != null) {
			return;
		}
		ClusterNode started = this.starter.get();
		this.actorSystem.addTerminationListener(started);
		this.node = started;
		this.entities.setNode(started);
	}

	/**
	 * A node stays in the cluster while its context is paused (as the test context cache
	 * pauses the contexts it keeps): leaving hands every entity off.
	 */
	@Override
	public boolean isPauseable() {
		return false;
	}

	@Override
	public void stop() {
		CountDownLatch left = new CountDownLatch(1);
		stop(left::countDown);
		try {
			left.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop(Runnable callback) {
		ClusterNode leaving = this.node;
		if (leaving == null) {
			callback.run();
			return;
		}
		long start = System.nanoTime();
		leaving.leave().whenComplete((done, failure) -> {
			this.entities.setNode(null);
			this.actorSystem.removeTerminationListener(leaving);
			this.undeliveredBefore.addAndGet(leaving.undeliveredMessages());
			this.node = null;
			if (failure != null) {
				logger.warn("Cluster node " + leaving.selfAddress() + " did not leave cleanly", failure);
			}
			else {
				logger.info("Cluster node " + leaving.selfAddress() + " left the cluster in "
						+ (System.nanoTime() - start) / 1_000_000 + " ms");
			}
			callback.run();
		});
	}

	@Override
	public boolean isRunning() {
		return this.node != null;
	}

	/**
	 * The running node. Thread-safe.
	 * @return the node, or {@code null} before start and after stop
	 */
	@Nullable ClusterNode node() {
		return this.node;
	}

	/**
	 * The messages to entities that Pekko dropped on this node before they reached an
	 * entity's host, over every start of the node. Thread-safe.
	 * @return their count
	 */
	long undeliveredMessages() {
		ClusterNode current = this.node;
		return this.undeliveredBefore.get() + ((current != null) ? current.undeliveredMessages() : 0);
	}

}
