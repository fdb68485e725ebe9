package io.actorbeans.cluster.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;

/**
 * The Pekko configuration of a node, made from its {@link ClusterProperties}: no HOCON to
 * write. Validates the properties, naming the culprit.
 */
final class PekkoSettings {

	private static final Set<String> STRATEGIES = Set.of("keep-majority", "keep-oldest", "static-quorum",
			"keep-referee", "down-all");

	private PekkoSettings() {
	}

	static Config of(ClusterProperties properties, ClassLoader classLoader) {
		validate(properties);
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("pekko.actor.provider", "cluster");
		settings.put("pekko.remote.artery.canonical.hostname", properties.getHost());
		settings.put("pekko.remote.artery.canonical.port", properties.getPort());
		List<String> seeds = new ArrayList<>();
		for (String seed : properties.getSeedNodes()) {
			seeds.add("pekko://" + properties.getName() + "@" + seed.trim());
		}
		settings.put("pekko.cluster.seed-nodes", ConfigValueFactory.fromIterable(seeds));
		settings.put("pekko.cluster.min-nr-of-members", properties.getMinMembers());
		settings.put("pekko.cluster.downing-provider-class", "org.apache.pekko.cluster.sbr.SplitBrainResolverProvider");
		settings.put("pekko.cluster.split-brain-resolver.active-strategy", properties.getDowning().getStrategy());
		settings.put("pekko.cluster.split-brain-resolver.stable-after",
				properties.getDowning().getStableAfter().toMillis() + "ms");
		settings.put("pekko.cluster.sharding.number-of-shards", properties.getShards());
		// passivation is each entity type's choice (@EntityActor(passivateAfter))
		settings.put("pekko.cluster.sharding.passivation.strategy", "none");
		// Spring's shutdown drives Pekko's: no JVM shutdown hook of its own, no JVM exit.
		// Both
		// hooks are off: coordinated shutdown's, and Artery's, which would otherwise
		// close the
		// remoting as soon as the JVM begins to exit, cutting this node off in the middle
		// of its
		// hand-off (the others then find it unreachable and down it)
		settings.put("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", "off");
		settings.put("pekko.jvm-shutdown-hooks", "off");
		settings.put("pekko.coordinated-shutdown.exit-jvm", "off");
		settings.put("pekko.cluster.jmx.multi-mbeans-in-same-jvm", "on");
		// replies sent by entities just before a hand-off get time to leave the node
		settings.put("pekko.remote.artery.advanced.shutdown-flush-timeout", "3s");
		settings.put("pekko.loggers",
				ConfigValueFactory.fromIterable(List.of("org.apache.pekko.event.slf4j.Slf4jLogger")));
		settings.put("pekko.logging-filter", "org.apache.pekko.event.slf4j.Slf4jLoggingFilter");
		settings.put("pekko.loglevel", "INFO");
		settings.put("pekko.actor.serializers.actorbeans", "io.actorbeans.cluster.internal.EntityMessageSerializer");
		settings.put("pekko.actor.serialization-bindings.\"io.actorbeans.cluster.internal.EntityMessages$Remote\"",
				"actorbeans");
		Config config = ConfigFactory.parseMap(settings);
		for (Map.Entry<String, String> entry : properties.getPekko().entrySet()) {
			config = ConfigFactory.parseString(entry.getKey() + " = " + entry.getValue()).withFallback(config);
		}
		return config.withFallback(ConfigFactory.defaultReference(classLoader)).resolve();
	}

	private static void validate(ClusterProperties properties) {
		if (properties.getPort() < 0 || properties.getPort() > 65535) {
			throw invalid("port", properties.getPort(), "a port number, 0 to 65535");
		}
		if (properties.getSeedNodes().isEmpty()) {
			throw invalid("seed-nodes", "[]", "at least one host:port, the same list on every node");
		}
		for (String seed : properties.getSeedNodes()) {
			if (!seed.trim().matches("[^:\\s]+:\\d{1,5}")) {
				throw invalid("seed-nodes", seed, "host:port, such as 127.0.0.1:25520");
			}
		}
		if (properties.getMinMembers() < 1) {
			throw invalid("min-members", properties.getMinMembers(), "1 or more");
		}
		if (properties.getShards() < 1) {
			throw invalid("shards", properties.getShards(), "1 or more");
		}
		if (!STRATEGIES.contains(properties.getDowning().getStrategy())) {
			throw invalid("downing.strategy", properties.getDowning().getStrategy(),
					"one of " + STRATEGIES.stream().sorted().toList());
		}
		if (!properties.getName().matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
			throw invalid("name", properties.getName(), "letters, digits, '-' and '_'");
		}
	}

	private static IllegalStateException invalid(String property, Object value, String expected) {
		return new IllegalStateException(
				"Invalid property 'actorbeans.cluster." + property + "': '" + value + "'; expected " + expected);
	}

}
