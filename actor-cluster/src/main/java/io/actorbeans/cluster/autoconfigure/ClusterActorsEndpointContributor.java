package io.actorbeans.cluster.autoconfigure;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.actorbeans.boot.actuate.ActorsEndpointContributor;
import io.actorbeans.cluster.autoconfigure.ClusterActorsEndpointContributor.ClusterDescriptor;
import io.actorbeans.cluster.autoconfigure.ClusterActorsEndpointContributor.MemberDescriptor;
import io.actorbeans.cluster.internal.ClusterNode;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.annotation.RegisterReflectionForBinding;

/**
 * Section {@code cluster} of the {@code actors} endpoint's overview
 * ({@code details.cluster}): this node's address and status as a member, the members it
 * sees, how many of them it cannot reach, and the entities it hosts by type. While the
 * node is not a member, only its {@code status}: {@value #NOT_RUNNING} before it starts
 * and once it has left, {@value #TERMINATED} once its Pekko system has terminated while
 * the application runs on (downed by the other members).
 * <p>
 * Thread-safe.
 *
 * @since 0.1.0
 */
@RegisterReflectionForBinding({ ClusterDescriptor.class, MemberDescriptor.class })
public class ClusterActorsEndpointContributor implements ActorsEndpointContributor {

	/** The status of a node that has not started, or has left. */
	public static final String NOT_RUNNING = "not-running";

	/** The status of a node whose Pekko system has terminated, downed or left. */
	public static final String TERMINATED = "terminated";

	private final ClusterLifecycle lifecycle;

	/**
	 * Create the contributor of a node.
	 * @param lifecycle the node's lifecycle
	 */
	public ClusterActorsEndpointContributor(ClusterLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public String name() {
		return "cluster";
	}

	@Override
	public ClusterDescriptor describe() {
		ClusterNode node = this.lifecycle.node();
		if (node == null) {
			return new ClusterDescriptor(NOT_RUNNING, null, null, null, null);
		}
		if (node.isTerminated()) {
			return new ClusterDescriptor(TERMINATED, null, null, null, null);
		}
		List<MemberDescriptor> members = node.members()
			.stream()
			.map((member) -> new MemberDescriptor(member.address(), member.status(), member.reachable()))
			.sorted(Comparator.comparing(MemberDescriptor::address))
			.toList();
		int unreachable = (int) members.stream().filter((member) -> !member.reachable()).count();
		return new ClusterDescriptor(node.selfStatus(), node.selfAddress(), members, unreachable,
				new TreeMap<>(node.hostedEntities()));
	}

	/**
	 * Description of this node of the cluster.
	 *
	 * @param status this node's status as a member (Joining, Up, Leaving, ...), or
	 * {@value #NOT_RUNNING} or {@value #TERMINATED} when it is not a member
	 * @param self this node's address, {@code pekko://name@host:port}; {@code null} when
	 * it is not a member
	 * @param members the members this node sees, sorted by address; {@code null} when it
	 * is not a member
	 * @param unreachable how many of them this node cannot reach; {@code null} when it is
	 * not a member
	 * @param entities the entities this node hosts by type, sorted, every type included;
	 * {@code null} when it is not a member
	 */
	public record ClusterDescriptor(String status, @Nullable String self, @Nullable List<MemberDescriptor> members,
			@Nullable Integer unreachable, @Nullable Map<String, Integer> entities) {

	}

	/**
	 * Description of a member of the cluster, as this node sees it.
	 *
	 * @param address its address
	 * @param status its status (Joining, Up, Leaving, ...)
	 * @param reachable whether this node can reach it
	 */
	public record MemberDescriptor(String address, String status, boolean reachable) {

	}

}
