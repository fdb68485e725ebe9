package io.actorbeans.cluster.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the cluster that places the entity actors, under
 * {@code actorbeans.cluster}. Bound once at startup; every node of a cluster has the same
 * values, but for its {@code host} and {@code port}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("actorbeans.cluster")
public class ClusterProperties {

	/**
	 * Whether this application is a node of a cluster that places the entity actors; off,
	 * entities are local actors.
	 */
	private boolean enabled;

	/**
	 * Name of the cluster: the same on every node.
	 */
	private String name = "actorbeans";

	/**
	 * Host name or address other nodes reach this node at (remoting).
	 */
	private String host = "127.0.0.1";

	/**
	 * Port of this node's remoting, for the other nodes.
	 */
	private int port = 25520;

	/**
	 * Seed nodes, as host:port, the same list on every node. The first one forms the
	 * cluster when it starts; the others join a seed that is up.
	 */
	private List<String> seedNodes = new ArrayList<>();

	/**
	 * Minimum number of members before entities are placed, and for the node to report
	 * itself healthy.
	 */
	private int minMembers = 1;

	/**
	 * Number of shards per entity type: the same on every node, never changed while the
	 * cluster runs; about ten times the largest number of nodes.
	 */
	private int shards = 100;

	/**
	 * Maximum time a reply from another node is awaited, for callers whose own timeout is
	 * longer.
	 */
	private Duration replyTimeout = Duration.ofSeconds(30);

	/**
	 * Format of the messages between nodes, written by the Jackson mapper that Spring
	 * Boot configures for it: json, or cbor (which needs
	 * tools.jackson.dataformat:jackson-dataformat-cbor).
	 */
	private Serialization serialization = Serialization.JSON;

	private final Downing downing = new Downing();

	/**
	 * Raw Pekko settings, by path (such as
	 * pekko.cluster.failure-detector.acceptable-heartbeat-pause), applied last.
	 */
	private Map<String, String> pekko = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getHost() {
		return this.host;
	}

	public void setHost(String host) {
		this.host = host;
	}

	public int getPort() {
		return this.port;
	}

	public void setPort(int port) {
		this.port = port;
	}

	public List<String> getSeedNodes() {
		return this.seedNodes;
	}

	public void setSeedNodes(List<String> seedNodes) {
		this.seedNodes = seedNodes;
	}

	public int getMinMembers() {
		return this.minMembers;
	}

	public void setMinMembers(int minMembers) {
		this.minMembers = minMembers;
	}

	public int getShards() {
		return this.shards;
	}

	public void setShards(int shards) {
		this.shards = shards;
	}

	public Duration getReplyTimeout() {
		return this.replyTimeout;
	}

	public void setReplyTimeout(Duration replyTimeout) {
		this.replyTimeout = replyTimeout;
	}

	public Serialization getSerialization() {
		return this.serialization;
	}

	public void setSerialization(Serialization serialization) {
		this.serialization = serialization;
	}

	public Downing getDowning() {
		return this.downing;
	}

	public Map<String, String> getPekko() {
		return this.pekko;
	}

	public void setPekko(Map<String, String> pekko) {
		this.pekko = pekko;
	}

	/**
	 * The format of the messages between nodes.
	 */
	public enum Serialization {

		/** JSON, written by the {@code JsonMapper} that Spring Boot configures. */
		JSON,

		/**
		 * CBOR, written by the {@code CBORMapper} that Spring Boot configures when
		 * {@code jackson-dataformat-cbor} is on the classpath.
		 */
		CBOR

	}

	/**
	 * How unreachable members are downed: Pekko's split brain resolver.
	 */
	public static class Downing {

		/**
		 * Strategy of the split brain resolver: keep-majority, keep-oldest,
		 * static-quorum, keep-referee or down-all.
		 */
		private String strategy = "keep-majority";

		/**
		 * Time the membership must be stable before the resolver downs unreachable
		 * members: part of the failover time after a crash.
		 */
		private Duration stableAfter = Duration.ofSeconds(20);

		public String getStrategy() {
			return this.strategy;
		}

		public void setStrategy(String strategy) {
			this.strategy = strategy;
		}

		public Duration getStableAfter() {
			return this.stableAfter;
		}

		public void setStableAfter(Duration stableAfter) {
			this.stableAfter = stableAfter;
		}

	}

}
