package io.actorbeans.cluster.autoconfigure;

import io.actorbeans.boot.EntityType;
import io.actorbeans.boot.EntityTypes;
import io.actorbeans.cluster.internal.ClusterNode;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The meters of this node of the cluster: the gauges {@code actors.cluster.members}, the
 * members that are up, and {@code actors.cluster.entities}, the entities hosted on this
 * node, tagged {@code type} (a bounded set: the entity types), both 0 while the node is
 * not running; and the counter {@code actors.cluster.undelivered}, the messages to
 * entities that were dropped on this node before they reached the entity (mostly at
 * hand-offs). Thread-safe.
 *
 * @since 0.1.0
 */
public class ClusterMetrics implements MeterBinder {

	private final ClusterLifecycle lifecycle;

	private final EntityTypes entityTypes;

	/**
	 * Create the gauges of a node.
	 * @param lifecycle the node's lifecycle
	 * @param entityTypes the entity types, one gauge each
	 */
	public ClusterMetrics(ClusterLifecycle lifecycle, EntityTypes entityTypes) {
		this.lifecycle = lifecycle;
		this.entityTypes = entityTypes;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("actors.cluster.members", this, ClusterMetrics::upMembers)
			.description("Members of the cluster that are up, as this node sees them")
			.baseUnit("members")
			.register(registry);
		FunctionCounter.builder("actors.cluster.undelivered", this.lifecycle, ClusterLifecycle::undeliveredMessages)
			.description("Messages to entities that were dropped on this node before they reached the entity")
			.baseUnit("messages")
			.register(registry);
		for (EntityType type : this.entityTypes.all()) {
			Gauge.builder("actors.cluster.entities", this, (metrics) -> metrics.hosted(type.name()))
				.description("Entities hosted on this node")
				.baseUnit("entities")
				.tag("type", type.name())
				.register(registry);
		}
	}

	private double upMembers() {
		ClusterNode node = this.lifecycle.node();
		return (node != null) ? node.members().stream().filter((member) -> member.status().equals("Up")).count() : 0;
	}

	private double hosted(String type) {
		ClusterNode node = this.lifecycle.node();
		return (node != null) ? node.hostedEntities().getOrDefault(type, 0) : 0;
	}

}
