package io.actorbeans.cluster.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.actorbeans.Bridge;
import io.actorbeans.Handles;
import io.actorbeans.boot.Entities;
import io.actorbeans.boot.EntityActor;
import io.actorbeans.boot.actuate.ActorsEndpoint;
import io.actorbeans.boot.actuate.ActorsEndpointAutoConfiguration;
import io.actorbeans.boot.autoconfigure.ActorAutoConfiguration;
import io.actorbeans.boot.autoconfigure.EntityAutoConfiguration;
import io.actorbeans.cluster.ClusterUnavailableException;
import io.actorbeans.cluster.TestCounter;
import io.actorbeans.cluster.TestCounter.Increment;
import io.actorbeans.cluster.TestCounter.Reading;
import io.actorbeans.cluster.autoconfigure.ClusterActorsEndpointContributor.ClusterDescriptor;
import io.actorbeans.cluster.autoconfigure.ClusterActorsEndpointContributor.MemberDescriptor;
import io.actorbeans.cluster.internal.ClusterEntities;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ClusterAutoConfiguration}, {@link ClusterHealthIndicator} and
 * {@link ClusterActorsEndpointContributor}.
 */
@Timeout(60)
class ClusterAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ActorAutoConfiguration.class, EntityAutoConfiguration.class,
				JacksonAutoConfiguration.class, ClusterAutoConfiguration.class,
				ClusterHealthContributorAutoConfiguration.class))
		.withUserConfiguration(TestCounter.class);

	@Test
	void entitiesAreLocalWhenTheClusterIsNotEnabled() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(ActorsEndpointAutoConfiguration.class,
					ClusterActorsEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=actors")
			.run((context) -> {
				assertThat(context).hasSingleBean(Entities.class).doesNotHaveBean(ClusterLifecycle.class);
				assertThat(context.getBean(Entities.class)).isNotInstanceOf(ClusterEntities.class);
				assertThat(context).doesNotHaveBean(ClusterHealthIndicator.class);
				assertThat(context).hasSingleBean(ActorsEndpoint.class)
					.doesNotHaveBean(ClusterActorsEndpointContributor.class);
			});
	}

	@Test
	void clusterOfOneNodePlacesEntitiesAndIsHealthyWithGauges() {
		int port = freePort();
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, ClusterMetricsAutoConfiguration.class,
					ActorsEndpointAutoConfiguration.class, ClusterActorsEndpointAutoConfiguration.class))
			.withPropertyValues("actorbeans.cluster.enabled=true", "actorbeans.cluster.port=" + port,
					"actorbeans.cluster.seed-nodes=127.0.0.1:" + port,
					"management.endpoints.web.exposure.include=actors")
			.run((context) -> {
				assertThat(context).hasSingleBean(Entities.class);
				Entities entities = context.getBean(Entities.class);
				assertThat(entities).isInstanceOf(ClusterEntities.class);
				ClusterHealthIndicator health = context.getBean(ClusterHealthIndicator.class);
				await().atMost(Duration.ofSeconds(30)).until(() -> health.health(true).getStatus().equals(Status.UP));
				Bridge bridge = context.getBean(Bridge.class);
				Reading reading = bridge.call(entities.ref(TestCounter.class, "one"), new Increment(),
						Duration.ofSeconds(10));
				assertThat(reading.value()).isEqualTo(1);
				Health details = health.health(true);
				assertThat(details.getDetails()).containsEntry("up", 1L)
					.containsEntry("unreachable", 0L)
					.containsEntry("self", "pekko://actorbeans@127.0.0.1:" + port)
					.containsKey("entities");
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("actors.cluster.members").gauge().value()).isEqualTo(1);
				assertThat(registry.get("actors.cluster.entities").tag("type", "counter").gauge().value()).isEqualTo(1);
				assertThat(registry.get("actors.cluster.undelivered").functionCounter().count()).isZero();
				ActorsEndpoint endpoint = context.getBean(ActorsEndpoint.class);
				assertThat(endpoint.actors(null, null, null).entities()).isEqualTo(Map.of("counter", 1));
				String self = "pekko://actorbeans@127.0.0.1:" + port;
				assertThat(endpoint.actors(null, null, null).details()).containsOnlyKeys("cluster")
					.containsEntry("cluster", new ClusterDescriptor("Up", self,
							List.of(new MemberDescriptor(self, "Up", true)), 0, Map.of("counter", 1)));
				ClusterLifecycle lifecycle = context.getBean(ClusterLifecycle.class);
				assertThat(lifecycle.isPauseable()).as("stays in the cluster while paused").isFalse();
				lifecycle.stop();
				assertThat(lifecycle.isRunning()).isFalse();
				assertThat(health.health(true).getStatus()).isEqualTo(Status.DOWN);
				assertThat(endpoint.actors(null, null, null).details()).containsEntry("cluster",
						new ClusterDescriptor(ClusterActorsEndpointContributor.NOT_RUNNING, null, null, null, null));
				assertThatExceptionOfType(ClusterUnavailableException.class)
					.isThrownBy(() -> bridge.call(entities.ref(TestCounter.class, "one"), new Increment()));
			});
	}

	@Test
	void missingSeedNodesFailStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("actorbeans.cluster.enabled=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("Invalid property 'actorbeans.cluster.seed-nodes': '[]'; expected at least one host:port, "
						+ "the same list on every node"));
	}

	@Test
	void invalidSeedNodeFailsStartupNamingIt() {
		this.contextRunner.withPropertyValues("actorbeans.cluster.enabled=true", "actorbeans.cluster.seed-nodes=seed")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("Invalid property 'actorbeans.cluster.seed-nodes': 'seed'; expected host:port, such as "
						+ "127.0.0.1:25520"));
	}

	@Test
	void unknownDowningStrategyFailsStartupNamingIt() {
		this.contextRunner
			.withPropertyValues("actorbeans.cluster.enabled=true", "actorbeans.cluster.seed-nodes=127.0.0.1:1",
					"actorbeans.cluster.downing.strategy=toss-a-coin")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageStartingWith("Invalid property 'actorbeans.cluster.downing.strategy': 'toss-a-coin'"));
	}

	@Test
	void entityWhoseMessagesCannotCrossNodesFailsStartupNamingItsHandler() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ActorAutoConfiguration.class, EntityAutoConfiguration.class,
					JacksonAutoConfiguration.class, ClusterAutoConfiguration.class))
			.withUserConfiguration(Catchall.class)
			.withPropertyValues("actorbeans.cluster.enabled=true", "actorbeans.cluster.seed-nodes=127.0.0.1:1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageStartingWith("Cannot send java.lang.Object across the cluster, for the handler " + "'void "
						+ Catchall.class.getName() + ".on(java.lang.Object)' of entity type 'catchall'"));
	}

	@Test
	void sendBeforeTheNodeStartedFailsWithClusterUnavailable() {
		this.contextRunner.run((context) -> {
			ClusterEntities entities = new ClusterEntities(context.getBean(io.actorbeans.boot.EntityTypes.class));
			assertThatExceptionOfType(ClusterUnavailableException.class)
				.isThrownBy(() -> entities.ref(TestCounter.class, "early").send(new Increment()))
				.withMessage(
						"Cannot reach entity 'counter/early': this node is not in the cluster (not started, or left)")
				.satisfies((ex) -> assertThat(ex.actor()).isEqualTo("counter/early"));
		});
	}

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@EntityActor("catchall")
	static class Catchall {

		@Handles
		void on(Object anything) {
		}

	}

}
