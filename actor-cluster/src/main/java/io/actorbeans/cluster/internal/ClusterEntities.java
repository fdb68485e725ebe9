package io.actorbeans.cluster.internal;

import io.actorbeans.ActorRef;
import io.actorbeans.boot.AbstractEntities;
import io.actorbeans.boot.Entities;
import io.actorbeans.boot.EntityActivator;
import io.actorbeans.boot.EntityRef;
import io.actorbeans.boot.EntityType;
import io.actorbeans.boot.EntityTypes;
import io.actorbeans.cluster.ClusterUnavailableException;
import org.jspecify.annotations.Nullable;

/**
 * INTERNAL API: the {@link Entities} of a cluster node: each entity placed once across
 * the nodes by Pekko Cluster Sharding. Thread-safe.
 */
public final class ClusterEntities extends AbstractEntities {

	private volatile @Nullable ClusterNode node;

	public ClusterEntities(EntityTypes types) {
		super(types);
	}

	/**
	 * Set the running node, or clear it when it leaves. Thread-safe.
	 * @param node the node, or {@code null}
	 */
	public void setNode(@Nullable ClusterNode node) {
		this.node = node;
	}

	@Override
	protected EntityRef ref(EntityType type, String id) {
		return new ClusterEntityRef(this, type.name(), id);
	}

	@Override
	protected void passivate(EntityType type, String id, ActorRef activation) {
		ClusterNode current = this.node;
		if (current != null) {
			current.passivate(EntityActivator.actorName(type.name(), id), activation);
		}
	}

	/** The node, if it is an up member of the cluster. */
	ClusterNode upNode(String entity) {
		ClusterNode current = this.node;
		if (current == null || current.isTerminated()) {
			throw new ClusterUnavailableException(entity,
					"Cannot reach entity '" + entity + "': this node is not in the cluster (not started, or left)");
		}
		if (!current.isUp()) {
			throw new ClusterUnavailableException(entity, "Cannot reach entity '" + entity
					+ "': this node is not an up member of the cluster (joining, leaving or downed)");
		}
		return current;
	}

}
