package io.actorbeans.benchmarks.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.actorbeans.Bridge;
import io.actorbeans.benchmarks.cluster.EchoEntity.Echo;
import io.actorbeans.boot.Entities;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Three nodes of a cluster in this JVM, on loopback and free ports: three Spring Boot
 * contexts with actor-cluster enabled, as an application runs them, whose Pekko actor
 * systems also host Pekko's own echo entity ({@link RawEcho}). Used by one thread.
 *
 * @since 0.1.0
 */
final class ClusterNodes implements AutoCloseable {

	/** The timeout of every call, of both contenders. */
	static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration UP_TIMEOUT = Duration.ofSeconds(60);

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private final List<Integer> ports = new ArrayList<>();

	private ClusterNodes() {
	}

	/**
	 * Start three nodes, the first one the seed, and wait until each sees all three up.
	 * @return the nodes
	 */
	static ClusterNodes start() {
		ClusterNodes nodes = new ClusterNodes();
		try {
			for (int i = 0; i < 3; i++) {
				nodes.ports.add(freePort());
			}
			for (int i = 0; i < 3; i++) {
				nodes.contexts.add(new SpringApplicationBuilder(EchoApplication.class).web(WebApplicationType.NONE)
					.properties(properties(i + 1, nodes.ports.get(i), nodes.ports.get(0)))
					.run());
			}
			nodes.awaitUp();
			return nodes;
		}
		catch (RuntimeException ex) {
			nodes.close();
			throw ex;
		}
	}

	private static Map<String, Object> properties(int node, int port, int seedPort) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.application.name", "node" + node);
		properties.put("spring.main.banner-mode", "off");
		properties.put("spring.main.log-startup-info", "false");
		properties.put("actorbeans.cluster.enabled", "true");
		properties.put("actorbeans.cluster.port", port);
		properties.put("actorbeans.cluster.seed-nodes", "127.0.0.1:" + seedPort);
		properties.put("actorbeans.cluster.min-members", "3");
		// Pekko's own entity on the same actor systems, its messages written by Pekko's
		// Jackson serializer
		properties.put("actorbeans.cluster.pekko[pekko.actor.typed.extensions]",
				"[\"" + RawEcho.Id.class.getName() + "\"]");
		for (Class<?> message : List.of(RawEcho.Ping.class, Echoed.class)) {
			properties.put("actorbeans.cluster.pekko[pekko.actor.serialization-bindings.\"" + message.getName() + "\"]",
					"jackson-json");
		}
		return properties;
	}

	private void awaitUp() {
		long deadline = System.nanoTime() + UP_TIMEOUT.toNanos();
		for (int port : this.ports) {
			while (true) {
				RawEcho raw = RawEcho.forPort(port);
				if (raw == null) {
					throw new IllegalStateException("Pekko did not load the RawEcho extension of the node on port "
							+ port + ": see pekko.actor.typed.extensions in the log");
				}
				if (raw.upMembers() == 3) {
					break;
				}
				if (System.nanoTime() - deadline > 0) {
					throw new IllegalStateException("The node on port " + port + " sees " + raw.upMembers()
							+ " members up, not 3, after " + UP_TIMEOUT);
				}
				sleep(100);
			}
		}
	}

	/**
	 * actorbeans' path from node 1: {@code Bridge.call} on {@code Entities.ref}, as an
	 * application calls an entity.
	 * @return the contender
	 */
	Contender actorbeans() {
		Entities entities = this.contexts.get(0).getBean(Entities.class);
		Bridge bridge = this.contexts.get(0).getBean(Bridge.class);
		return new Contender("actorbeans: Entities + Bridge.call",
				(id, seq) -> bridge.call(entities.ref(EchoEntity.class, id), new Echo(seq), CALL_TIMEOUT));
	}

	/**
	 * Pekko's path from node 1: {@code EntityRef.ask} of the sharded {@link RawEcho}, on
	 * the same actor system.
	 * @return the contender
	 */
	Contender pekko() {
		RawEcho raw = RawEcho.forPort(this.ports.get(0));
		if (raw == null) {
			throw new IllegalStateException("Node 1 has left");
		}
		return new Contender("Pekko: sharded EntityRef.ask", (id, seq) -> raw.call(id, seq, CALL_TIMEOUT));
	}

	/**
	 * Entities of a contender that live on node 2 or node 3, alternately, found by
	 * calling ids in turn: each call activates its entity, and the reply names its node.
	 * @param contender the contender
	 * @param count how many
	 * @return the entities, the first one on node 2, the second on node 3, and so on
	 */
	List<Target> targetsElsewhere(Contender contender, int count) {
		List<List<Target>> byNode = List.of(new ArrayList<>(), new ArrayList<>());
		int perNode = (count + 1) / 2;
		for (int i = 0; byNode.get(0).size() < perNode || byNode.get(1).size() < perNode; i++) {
			if (i > 100 * count) {
				throw new IllegalStateException("Found too few entities on nodes 2 and 3 after " + i + " ids");
			}
			String id = "e-" + i;
			Echoed reply = contender.call().call(id, 0);
			int node = this.ports.indexOf(reply.port());
			if (node < 0) {
				throw new IllegalStateException(id + " answered from port " + reply.port() + ", not a node's");
			}
			if (node > 0 && byNode.get(node - 1).size() < perNode) {
				byNode.get(node - 1).add(new Target(id, reply.port()));
			}
		}
		List<Target> targets = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			targets.add(byNode.get(i % 2).get(i / 2));
		}
		return targets;
	}

	/** Close the contexts: each node leaves the cluster. */
	@Override
	public void close() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
		this.contexts.clear();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An entity that a caller calls, and the node it lives on.
	 *
	 * @param id the entity's id
	 * @param port the remoting port of its node
	 */
	record Target(String id, int port) {
	}

	/** The application of each node: the echo entity and auto-configuration. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(EchoEntity.class)
	static class EchoApplication {

	}

}
