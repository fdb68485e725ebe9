package io.actorbeans.cluster.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PekkoSettings}: the Pekko configuration a node's properties make.
 */
class PekkoSettingsTests {

	@Test
	void propertiesMapToPekkoSettings() {
		ClusterProperties properties = new ClusterProperties();
		properties.setName("orders");
		properties.setPort(2552);
		properties.setSeedNodes(List.of("10.0.0.1:2552", " 10.0.0.2:2552"));
		properties.setMinMembers(2);
		properties.setShards(30);
		properties.getDowning().setStrategy("keep-oldest");
		properties.getDowning().setStableAfter(Duration.ofSeconds(7));
		Config config = PekkoSettings.of(properties, getClass().getClassLoader());
		assertThat(config.getString("pekko.actor.provider")).isEqualTo("cluster");
		assertThat(config.getInt("pekko.remote.artery.canonical.port")).isEqualTo(2552);
		assertThat(config.getStringList("pekko.cluster.seed-nodes")).containsExactly("pekko://orders@10.0.0.1:2552",
				"pekko://orders@10.0.0.2:2552");
		assertThat(config.getInt("pekko.cluster.min-nr-of-members")).isEqualTo(2);
		assertThat(config.getInt("pekko.cluster.sharding.number-of-shards")).isEqualTo(30);
		assertThat(config.getString("pekko.cluster.split-brain-resolver.active-strategy")).isEqualTo("keep-oldest");
		assertThat(config.getDuration("pekko.cluster.split-brain-resolver.stable-after"))
			.isEqualTo(Duration.ofSeconds(7));
		assertThat(config.getString("pekko.cluster.sharding.passivation.strategy")).isEqualTo("none");
	}

	/**
	 * Artery's own JVM shutdown hook closes the remoting as soon as the JVM begins to
	 * exit, before Spring's shutdown has handed this node's entities off.
	 */
	@Test
	void springShutdownDrivesPekkosWithNoJvmShutdownHookOfItsOwn() {
		Config config = PekkoSettings.of(withSeed(new ClusterProperties()), getClass().getClassLoader());
		assertThat(config.getBoolean("pekko.jvm-shutdown-hooks")).isFalse();
		assertThat(config.getBoolean("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook")).isFalse();
		assertThat(config.getBoolean("pekko.coordinated-shutdown.exit-jvm")).isFalse();
	}

	@Test
	void rawPekkoSettingsOverrideTheMappedOnes() {
		ClusterProperties properties = withSeed(new ClusterProperties());
		properties.setPekko(Map.of("pekko.cluster.sharding.number-of-shards", "7",
				"pekko.cluster.failure-detector.acceptable-heartbeat-pause", "9s"));
		Config config = PekkoSettings.of(properties, getClass().getClassLoader());
		assertThat(config.getInt("pekko.cluster.sharding.number-of-shards")).isEqualTo(7);
		assertThat(config.getDuration("pekko.cluster.failure-detector.acceptable-heartbeat-pause"))
			.isEqualTo(Duration.ofSeconds(9));
	}

	private static ClusterProperties withSeed(ClusterProperties properties) {
		properties.setSeedNodes(List.of("127.0.0.1:25520"));
		return properties;
	}

}
