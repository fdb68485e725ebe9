package io.actorbeans.cluster;

import java.lang.ref.Reference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.actorbeans.ActorSystem;
import io.actorbeans.Bridge;
import io.actorbeans.CallTimeoutException;
import io.actorbeans.HandlerFailedException;
import io.actorbeans.Stopped;
import io.actorbeans.boot.Entities;
import io.actorbeans.boot.EntityRef;
import io.actorbeans.boot.actuate.ActorsEndpoint;
import io.actorbeans.boot.actuate.ActorsEndpoint.ActorsDescriptor;
import io.actorbeans.cluster.TestCounter.Fail;
import io.actorbeans.cluster.TestCounter.Get;
import io.actorbeans.cluster.TestCounter.History;
import io.actorbeans.cluster.TestCounter.Increment;
import io.actorbeans.cluster.TestCounter.PassivateNow;
import io.actorbeans.cluster.TestCounter.Reading;
import io.actorbeans.cluster.autoconfigure.ClusterActorsEndpointContributor.ClusterDescriptor;
import io.actorbeans.cluster.autoconfigure.ClusterActorsEndpointContributor.MemberDescriptor;
import io.actorbeans.cluster.autoconfigure.ClusterLifecycle;
import io.actorbeans.cluster.autoconfigure.ClusterTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Three nodes, three Spring contexts in one JVM on loopback, their messages in CBOR:
 * single activation per id, the {@code actors} endpoint of each node, calls and failures
 * across nodes, stop and passivation racing with calls, and a graceful leave that hands
 * the entities off.
 */
@Timeout(180)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterOfThreeNodesTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static List<ConfigurableApplicationContext> nodes = List.of();

	@BeforeAll
	static void startCluster() {
		// the messages cross in CBOR here, in JSON in the sample's ClusterIT
		nodes = TestClusterApplication.startNodes(3, "actorbeans.cluster.min-members=3",
				"actorbeans.cluster.serialization=cbor", "management.endpoints.web.exposure.include=actors");
		await().atMost(Duration.ofSeconds(60)).until(() -> nodes.stream().allMatch((node) -> upMembers(node) == 3));
	}

	@AfterAll
	static void stopCluster() {
		nodes.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	@Order(1)
	void eachIdIsActivatedOnceAcrossTheNodesWhicheverNodeIsCalled() {
		List<String> hosts = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			String id = "c" + i;
			for (int n = 0; n < 3; n++) {
				Reading reading = call(nodes.get((i + n) % 3), id, new Increment());
				assertThat(reading.value()).as("entity %s through node%d", id, (i + n) % 3 + 1).isEqualTo(n + 1);
				if (n > 0) {
					assertThat(reading.node()).isEqualTo(hosts.get(i));
				}
				else {
					hosts.add(reading.node());
				}
			}
			long hostingNodes = nodes.stream()
				.filter((node) -> node.getBean(ActorSystem.class).lookup("counter:" + id).isPresent())
				.count();
			assertThat(hostingNodes).as("nodes hosting %s", id).isOne();
		}
		assertThat(hosts).as("entities spread over the nodes").contains("node1", "node2", "node3");
	}

	@Test
	@Order(2)
	void actorsEndpointOfEachNodeShowsTheMembersAndTheEntitiesItHosts() {
		int before = hostedCounters();
		for (int i = 0; i < 12; i++) {
			call(nodes.get(i % 3), "endpoint-" + i, new Increment());
		}
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(hostedCounters()).isEqualTo(before + 12));
		for (ConfigurableApplicationContext node : nodes) {
			ActorsDescriptor overview = node.getBean(ActorsEndpoint.class).actors(null, null, null);
			ClusterDescriptor cluster = (ClusterDescriptor) overview.details().get("cluster");
			assertThat(cluster.status()).isEqualTo("Up");
			assertThat(cluster.members()).hasSize(3)
				.allSatisfy((member) -> assertThat(member.status()).isEqualTo("Up"))
				.allMatch(MemberDescriptor::reachable)
				.extracting(MemberDescriptor::address)
				.contains(cluster.self());
			assertThat(cluster.unreachable()).isZero();
			assertThat(cluster.entities()).as("hosted here, as the local actors count them")
				.isEqualTo(overview.entities());
		}
	}

	@Test
	@Order(3)
	void failuresAndGenericRepliesCrossNodes() {
		String id = idHostedElsewhereThan(nodes.get(0));
		Bridge bridge = nodes.get(0).getBean(Bridge.class);
		EntityRef counter = nodes.get(0).getBean(Entities.class).ref(TestCounter.class, id);
		bridge.call(counter, new Increment(), TIMEOUT);
		assertThat(bridge.<List<Long>>call(counter, new History(), TIMEOUT)).containsExactly(1L, 1L);
		assertThatExceptionOfType(HandlerFailedException.class)
			.isThrownBy(() -> bridge.call(counter, new Fail(), TIMEOUT))
			.withMessageContaining("failing on purpose");
		assertThatIllegalArgumentException().isThrownBy(() -> bridge.call(counter, "not listed", TIMEOUT))
			.withMessageStartingWith("Cannot send java.lang.String to or from entity 'counter/" + id + "'");
	}

	@Test
	@Order(4)
	void stopAcrossNodesEndsTheEntityAndTheNextMessageActivatesAFreshOne() {
		String id = idHostedElsewhereThan(nodes.get(0));
		Bridge bridge = nodes.get(0).getBean(Bridge.class);
		EntityRef counter = nodes.get(0).getBean(Entities.class).ref(TestCounter.class, id);
		bridge.call(counter, new Increment(), TIMEOUT);
		int destroyed = Nodes.DESTROYED.get();
		assertThat(bridge.stop(List.of(counter), TIMEOUT)).containsExactly(new Stopped("counter:" + id));
		assertThat(Nodes.DESTROYED.get()).isEqualTo(destroyed + 1);
		assertThat(bridge.<Reading>call(counter, new Get(), TIMEOUT).value()).isZero();
	}

	@Test
	@Order(4)
	void entityThatPassivatesItselfEndsAndTheNextMessageActivatesAFreshOne() {
		String id = idHostedElsewhereThan(nodes.get(0));
		long value = call(nodes.get(0), id, new Increment()).value();
		int destroyed = Nodes.DESTROYED.get();
		assertThat(call(nodes.get(0), id, new PassivateNow()).value()).isEqualTo(value);
		await().atMost(TIMEOUT).until(() -> Nodes.DESTROYED.get() == destroyed + 1);
		assertThat(call(nodes.get(0), id, new Get()).value()).isZero();
	}

	@Test
	@Order(5)
	void callsRacingWithStopsAndPassivationsAcrossNodesNeverFail() throws Exception {
		String id = idHostedElsewhereThan(nodes.get(0));
		Bridge bridge = nodes.get(0).getBean(Bridge.class);
		EntityRef counter = nodes.get(0).getBean(Entities.class).ref(TestCounter.class, id);
		int destroyed = Nodes.DESTROYED.get();
		AtomicBoolean done = new AtomicBoolean();
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> callers = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				callers.add(threads.submit(() -> {
					for (int j = 0; j < 300; j++) {
						// any failure fails the test: a message sent after a Stop, or
						// after the
						// entity asked to be passivated, reaches a fresh activation
						assertThat(bridge.<Reading>call(counter, new Increment(), TIMEOUT).value()).isPositive();
					}
					return null;
				}));
			}
			Future<?> ender = threads.submit(() -> {
				for (int n = 0; !done.get(); n++) {
					if (n % 2 == 0) {
						bridge.stop(List.of(counter), TIMEOUT);
					}
					else {
						bridge.call(counter, new PassivateNow(), TIMEOUT);
					}
					Thread.sleep(5);
				}
				return null;
			});
			for (Future<?> caller : callers) {
				caller.get(120, TimeUnit.SECONDS);
			}
			done.set(true);
			ender.get(30, TimeUnit.SECONDS);
		}
		finally {
			done.set(true);
			threads.shutdownNow();
		}
		assertThat(Nodes.DESTROYED.get() - destroyed).as("activations ended").isGreaterThan(2);
	}

	@Test
	@Order(6)
	void gracefulLeaveHandsEntitiesOffToTheOtherNodes() throws Exception {
		ConfigurableApplicationContext leaving = nodes.get(2);
		List<String> ids = new ArrayList<>();
		for (int i = 0; ids.size() < 5; i++) {
			Reading reading = call(nodes.get(0), "leave-" + i, new Increment());
			if (reading.node().equals("node3")) {
				ids.add("leave-" + i);
			}
		}
		List<MeterRegistry> registries = nodes.stream().map((node) -> node.getBean(MeterRegistry.class)).toList();
		// the counter reads the lifecycle, which the registry refers to weakly
		ClusterLifecycle leavingLifecycle = leaving.getBean(ClusterLifecycle.class);
		AtomicBoolean done = new AtomicBoolean();
		AtomicInteger undelivered = new AtomicInteger();
		ExecutorService caller = Executors.newSingleThreadExecutor();
		Future<Integer> calls = caller.submit(() -> {
			int answered = 0;
			while (!done.get()) {
				for (String id : ids) {
					try {
						call(nodes.get(0), id, new Get());
						answered++;
					}
					catch (ClusterUnavailableException ex) {
						// a call that Pekko dropped while its entity was handed off
						// (at-most-once) fails at once
						undelivered.incrementAndGet();
					}
					catch (CallTimeoutException ex) {
						// on a loaded machine a shard may wait longer than the call for
						// its new home; any other failure fails the test
					}
				}
				Thread.sleep(20);
			}
			return answered;
		});
		try {
			Thread.sleep(300);
			leaving.close();
			for (String id : ids) {
				await().atMost(Duration.ofSeconds(30))
					.ignoreExceptionsMatching(
							(ex) -> ex instanceof ClusterUnavailableException || ex instanceof CallTimeoutException)
					.until(() -> !call(nodes.get(0), id, new Get()).node().equals("node3"));
			}
			done.set(true);
			assertThat(calls.get(30, TimeUnit.SECONDS)).isPositive();
			assertThat(undelivered.get()).as("calls dropped at the hand-off").isLessThanOrEqualTo(ids.size());
			assertThat(registries.stream()
				.mapToDouble((registry) -> registry.get("actors.cluster.undelivered").functionCounter().count())
				.sum()).as("messages dropped, as the nodes counted them").isGreaterThanOrEqualTo(undelivered.get());
			Reference.reachabilityFence(leavingLifecycle);
		}
		finally {
			done.set(true);
			caller.shutdownNow();
		}
	}

	private static Reading call(ConfigurableApplicationContext node, String id, Object request) {
		EntityRef counter = node.getBean(Entities.class).ref(TestCounter.class, id);
		return node.getBean(Bridge.class).call(counter, request, TIMEOUT);
	}

	private static String idHostedElsewhereThan(ConfigurableApplicationContext node) {
		for (int i = 0;; i++) {
			String id = "elsewhere-" + i;
			if (!call(node, id, new Get()).node()
				.equals(node.getEnvironment().getProperty("spring.application.name"))) {
				return id;
			}
		}
	}

	/**
	 * The counters hosted across the nodes, as the {@code actors} endpoint of each node
	 * tells.
	 */
	private static int hostedCounters() {
		int hosted = 0;
		for (ConfigurableApplicationContext node : nodes) {
			ActorsDescriptor overview = node.getBean(ActorsEndpoint.class).actors(null, null, null);
			hosted += ((ClusterDescriptor) overview.details().get("cluster")).entities().get("counter");
		}
		return hosted;
	}

	private static long upMembers(ConfigurableApplicationContext node) {
		var clusterNode = node.getBean(ClusterLifecycle.class);
		return clusterNode.isRunning() ? ClusterTestSupport.upMembers(clusterNode) : 0;
	}

}
