package io.actorbeans.cluster.autoconfigure;

import io.actorbeans.cluster.internal.ClusterNode;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Health component {@code cluster}: {@code UP} when this node is an up member of the
 * cluster and at least {@code actorbeans.cluster.min-members} members are up;
 * {@code OUT_OF_SERVICE} while it joins, leaves, or sees too few members up; {@code DOWN}
 * once its actor system has terminated (it left, or was downed). Another member being
 * unreachable does not change it. A readiness contributor, never a liveness one: a
 * restart does not bring members back.
 * <p>
 * Thread-safe.
 *
 * @since 0.1.0
 */
public class ClusterHealthIndicator extends AbstractHealthIndicator {

	private final ClusterLifecycle lifecycle;

	private final int minMembers;

	/**
	 * Create the indicator of a node.
	 * @param lifecycle the node's lifecycle
	 * @param minMembers the members that must be up
	 */
	public ClusterHealthIndicator(ClusterLifecycle lifecycle, int minMembers) {
		super("Cluster health check failed");
		this.lifecycle = lifecycle;
		this.minMembers = minMembers;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		ClusterNode node = this.lifecycle.node();
		if (node == null || node.isTerminated()) {
			builder.down().withDetail("member", "not a member: not started, left or downed");
			return;
		}
		var members = node.members();
		long up = members.stream().filter((member) -> member.status().equals("Up")).count();
		long unreachable = members.stream().filter((member) -> !member.reachable()).count();
		builder.status((node.isUp() && up >= this.minMembers) ? Status.UP : Status.OUT_OF_SERVICE)
			.withDetail("self", node.selfAddress())
			.withDetail("members", members.size())
			.withDetail("up", up)
			.withDetail("minMembers", this.minMembers)
			.withDetail("unreachable", unreachable)
			.withDetail("entities", node.hostedEntities());
	}

}
