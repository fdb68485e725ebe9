package io.actorbeans.cluster.autoconfigure;

import io.actorbeans.cluster.internal.ClusterNode;

/**
 * Test access to the running node of a lifecycle.
 */
public final class ClusterTestSupport {

	private ClusterTestSupport() {
	}

	public static long upMembers(ClusterLifecycle lifecycle) {
		ClusterNode node = lifecycle.node();
		return (node != null) ? node.members().stream().filter((member) -> member.status().equals("Up")).count() : 0;
	}

}
