package io.actorbeans.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The application of the cluster tests: the {@link TestCounter} entity and
 * auto-configuration, no web server.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TestCounter.class)
public class TestClusterApplication {

	/**
	 * Start nodes on loopback, the first one the seed, on free ports.
	 * @param count how many
	 * @param extra more properties for every node
	 * @return the nodes' contexts, named node1, node2, ...
	 */
	static List<ConfigurableApplicationContext> startNodes(int count, String... extra) {
		List<Integer> ports = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ports.add(freePort());
		}
		List<ConfigurableApplicationContext> nodes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			List<String> properties = new ArrayList<>(List.of("spring.application.name=node" + (i + 1),
					"actorbeans.cluster.enabled=true", "actorbeans.cluster.port=" + ports.get(i),
					"actorbeans.cluster.seed-nodes=127.0.0.1:" + ports.get(0),
					"actorbeans.cluster.downing.stable-after=3s", "actorbeans.cluster.shards=30"));
			properties.addAll(List.of(extra));
			nodes.add(new SpringApplicationBuilder(TestClusterApplication.class).web(WebApplicationType.NONE)
				.properties(properties.toArray(String[]::new))
				.run());
		}
		return nodes;
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
