package io.actorbeans.boot.actuate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.actorbeans.ActorRef;
import io.actorbeans.ActorState;
import io.actorbeans.ActorSystem;
import io.actorbeans.Bridge;
import io.actorbeans.Dispatcher;
import io.actorbeans.boot.ActorBeans;
import io.actorbeans.boot.ActorFactory;
import io.actorbeans.boot.Entities;
import io.actorbeans.boot.actuate.ActorsEndpoint.ActorDescriptor;
import io.actorbeans.boot.actuate.ActorsEndpoint.ActorsDescriptor;
import io.actorbeans.boot.actuate.ActorsEndpoint.PageDescriptor;
import io.actorbeans.boot.actuate.ActorsEndpoint.StopDescriptor;
import io.actorbeans.boot.actuate.ActorsEndpoint.StopOutcome;
import io.actorbeans.boot.actuate.ActorsEndpoint.StopsDescriptor;
import io.actorbeans.boot.actuate.ActorsEndpoint.TagDescriptor;
import io.actorbeans.boot.actuate.TestActors.ActorsConfiguration;
import io.actorbeans.boot.actuate.TestActors.Block;
import io.actorbeans.boot.actuate.TestActors.Cart;
import io.actorbeans.boot.actuate.TestActors.Counter;
import io.actorbeans.boot.actuate.TestActors.FamilyConfiguration;
import io.actorbeans.boot.actuate.TestActors.PrototypeConfiguration;
import io.actorbeans.boot.actuate.TestActors.PrototypeParent;
import io.actorbeans.boot.actuate.TestActors.Session;
import io.actorbeans.boot.actuate.TestActors.SpawnChild;
import io.actorbeans.boot.actuate.TestActors.Work;
import io.actorbeans.boot.actuate.TestActors.Worker;
import io.actorbeans.boot.autoconfigure.ActorAutoConfiguration;
import io.actorbeans.boot.autoconfigure.EntityAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ActorsEndpointAutoConfiguration} and {@link ActorsEndpoint}.
 */
@Timeout(30)
class ActorsEndpointAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ActorAutoConfiguration.class, ActorsEndpointAutoConfiguration.class))
		.withUserConfiguration(ActorsConfiguration.class, PrototypeConfiguration.class)
		.withPropertyValues("actorbeans.shutdown.timeout=1s");

	@Test
	void endpointWhenNotExposedShouldNotBeCreated() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ActorsEndpoint.class);
			assertThat(context).doesNotHaveBean(ActorsEndpointWebExtension.class);
		});
	}

	@Test
	void endpointWhenExposedOverWebShouldBeCreatedWithWebExtension() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=actors").run((context) -> {
			assertThat(context).hasSingleBean(ActorsEndpoint.class);
			assertThat(context).hasSingleBean(ActorsEndpointWebExtension.class);
		});
	}

	@Test
	void endpointWhenExposedOverJmxOnlyShouldBeCreatedWithoutWebExtension() {
		this.runner.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=actors")
			.run((context) -> {
				assertThat(context).hasSingleBean(ActorsEndpoint.class);
				assertThat(context).doesNotHaveBean(ActorsEndpointWebExtension.class);
			});
	}

	@Test
	void endpointWhenAccessIsNoneShouldNotBeCreated() {
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=actors",
					"management.endpoint.actors.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(ActorsEndpoint.class));
	}

	@Test
	void endpointWhenUserDefinesOneShouldBackOff() {
		this.runner.withUserConfiguration(CustomEndpointConfiguration.class)
			.withPropertyValues("management.endpoints.web.exposure.include=actors")
			.run((context) -> {
				assertThat(context).hasSingleBean(ActorsEndpoint.class);
				assertThat(context).hasBean("customActorsEndpoint").doesNotHaveBean("actorsEndpoint");
			});
	}

	@Test
	void endpointWhenActuatorIsNotOnClassPathShouldBackOff() {
		this.runner.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.withPropertyValues("management.endpoints.web.exposure.include=actors")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(ActorSystem.class);
				assertThat(context).doesNotHaveBean(ActorsEndpoint.class);
			});
	}

	@Test
	void actorsShouldGiveTheTotalsOfEachTagAndNoActor() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=actors").run((context) -> {
			ActorFactory factory = context.getBean(ActorFactory.class);
			ActorRef counter = factory.spawn(Counter.class, "counter-1");
			factory.spawn(Counter.class, "counter-2");
			context.getBean(Bridge.class).call(counter, Work.OK, Duration.ofSeconds(5));
			ActorsEndpoint endpoint = context.getBean(ActorsEndpoint.class);
			await().atMost(Duration.ofSeconds(5))
				.until(() -> endpoint.actors(null, null, null).tags().get("counter").processed() == 1);
			ActorsDescriptor actors = endpoint.actors(null, null, null);
			assertThat(actors.tags()).containsOnlyKeys("blocker", "counter", "fragile", "worker", ActorBeans.OTHER);
			TagDescriptor counters = actors.tags().get("counter");
			assertThat(counters.actors()).isEqualTo(2);
			assertThat(counters.mailboxSize()).isZero();
			assertThat(counters.failures()).isZero();
			assertThat(counters.processingTime()).isNotNull();
			assertThat(actors.tags().get("worker").actors()).isEqualTo(1);
			assertThat(actors.tags().get(ActorBeans.OTHER).actors()).isZero();
			assertThat(actors.page()).isNull();
			assertThat(actors.deadLetters()).isZero();
			assertThat(actors.entities()).as("no entity type").isNull();
			assertThat(actors.details()).as("no contributor").isNull();
		});
	}

	@Test
	void actorsShouldCountTheLiveEntitiesOfEachType() {
		this.runner.withConfiguration(AutoConfigurations.of(EntityAutoConfiguration.class))
			.withUserConfiguration(Cart.class, Session.class)
			.withPropertyValues("management.endpoints.web.exposure.include=actors")
			.run((context) -> {
				Entities entities = context.getBean(Entities.class);
				Bridge bridge = context.getBean(Bridge.class);
				for (String id : List.of("a", "b", "c")) {
					bridge.call(entities.ref(Cart.class, id), Work.OK, Duration.ofSeconds(5));
				}
				bridge.call(entities.ref(Session.class, "s1"), Work.OK, Duration.ofSeconds(5));
				context.getBean(ActorSystem.class).spawn("carts:a", new Worker());
				ActorsEndpoint endpoint = context.getBean(ActorsEndpoint.class);
				assertThat(endpoint.actors(null, null, null).entities()).containsExactly(entry("cart", 3),
						entry("session", 1));
				bridge.stop(List.of(entities.ref(Cart.class, "b"), entities.ref(Session.class, "s1")),
						Duration.ofSeconds(5));
				await().atMost(Duration.ofSeconds(5))
					.untilAsserted(() -> assertThat(endpoint.actors(null, null, null).entities())
						.containsExactly(entry("cart", 2), entry("session", 0)));
			});
	}

	@Test
	void actorsWhenNoEntityTypeIsDeclaredShouldNotCountEntities() {
		this.runner.withConfiguration(AutoConfigurations.of(EntityAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=actors")
			.run((context) -> assertThat(context.getBean(ActorsEndpoint.class).actors(null, null, null).entities())
				.isNull());
	}

	@Test
	void actorsShouldGiveTheSectionOfEachContributorInTheirOrder() {
		this.runner.withUserConfiguration(ContributorsConfiguration.class)
			.withPropertyValues("management.endpoints.web.exposure.include=actors")
			.run((context) -> assertThat(context.getBean(ActorsEndpoint.class).actors(null, null, null).details())
				.containsExactly(entry("first", Map.of("answer", 42)), entry("second", List.of("a", "b"))));
	}

	@Test
	void endpointWhenTwoContributorsShareANameShouldFailNamingIt() {
		this.runner.withUserConfiguration(ContributorsConfiguration.class, SameNameContributorConfiguration.class)
			.withPropertyValues("management.endpoints.web.exposure.include=actors")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageStartingWith("Two ActorsEndpointContributor beans are named 'first'"));
	}

	@Test
	void actorsWithTagShouldDescribeItsActorsSortedByName() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=actors").run((context) -> {
			ActorFactory factory = context.getBean(ActorFactory.class);
			factory.spawn(Counter.class, "counter-b");
			factory.spawn(Counter.class, "counter-a");
			PageDescriptor page = context.getBean(ActorsEndpoint.class).actors("counter", null, null).page();
			assertThat(page).isNotNull();
			assertThat(page.tag()).isEqualTo("counter");
			assertThat(page.number()).isZero();
			assertThat(page.size()).isEqualTo(ActorsEndpoint.DEFAULT_PAGE_SIZE);
			assertThat(page.total()).isEqualTo(2);
			assertThat(page.actors()).extracting(ActorDescriptor::name, ActorDescriptor::tag, ActorDescriptor::parent)
				.containsExactly(tuple("counter-a", "counter", null), tuple("counter-b", "counter", null));
		});
	}

	@Test
	void actorsWithManyActorsShouldStayBoundedAndPageThem() {
		int count = ActorsEndpoint.MAX_PAGE_SIZE + 500;
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=actors").run((context) -> {
			ActorFactory factory = context.getBean(ActorFactory.class);
			for (int i = 0; i < count; i++) {
				factory.spawn(Counter.class, String.format("counter-%05d", i));
			}
			ActorsEndpoint endpoint = context.getBean(ActorsEndpoint.class);
			ActorsDescriptor totals = endpoint.actors(null, null, null);
			assertThat(totals.tags().get("counter").actors()).isEqualTo(count);
			assertThat(totals.page()).isNull();
			PageDescriptor first = endpoint.actors("counter", 0, ActorsEndpoint.MAX_PAGE_SIZE).page();
			assertThat(first.total()).isEqualTo(count);
			assertThat(first.actors()).hasSize(ActorsEndpoint.MAX_PAGE_SIZE);
			assertThat(first.actors().get(0).name()).isEqualTo("counter-00000");
			PageDescriptor second = endpoint.actors("counter", 1, ActorsEndpoint.MAX_PAGE_SIZE).page();
			assertThat(second.actors()).hasSize(500);
			assertThat(second.actors().get(0).name()).isEqualTo(String.format("counter-%05d", 1000));
			assertThat(second.actors().get(499).name()).isEqualTo(String.format("counter-%05d", count - 1));
			assertThat(endpoint.actors("counter", 2, ActorsEndpoint.MAX_PAGE_SIZE).page().actors()).isEmpty();
			assertThat(endpoint.actors("counter", 3, 7).page().actors()).extracting(ActorDescriptor::name)
				.containsExactly("counter-00021", "counter-00022", "counter-00023", "counter-00024", "counter-00025",
						"counter-00026", "counter-00027");
		});
	}

	@Test
	void actorsWithSizeAboveTheMaximumShouldBeRejected() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=actors")
			.run((context) -> assertThatExceptionOfType(InvalidEndpointRequestException.class).isThrownBy(
					() -> context.getBean(ActorsEndpoint.class).actors("counter", 0, ActorsEndpoint.MAX_PAGE_SIZE + 1))
				.withMessage("Invalid size 1001: a page holds 1 to 1000 actors"));
	}

	@Test
	void actorsWithSizeBelowOneShouldBeRejected() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=actors")
			.run((context) -> assertThatExceptionOfType(InvalidEndpointRequestException.class)
				.isThrownBy(() -> context.getBean(ActorsEndpoint.class).actors("counter", 0, 0))
				.withMessage("Invalid size 0: a page holds 1 to 1000 actors"));
	}

	@Test
	void actorsWithNegativePageShouldBeRejected() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=actors")
			.run((context) -> assertThatExceptionOfType(InvalidEndpointRequestException.class)
				.isThrownBy(() -> context.getBean(ActorsEndpoint.class).actors("counter", -1, null))
				.withMessage("Invalid page -1: pages are numbered from 0"));
	}

	@Test
	void actorsWithUnknownTagShouldBeRejectedNamingTheTags() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=actors")
			.run((context) -> assertThatExceptionOfType(InvalidEndpointRequestException.class)
				.isThrownBy(() -> context.getBean(ActorsEndpoint.class).actors("counters", null, null))
				.withMessage("No actor tag 'counters'; the tags are [blocker, counter, fragile, other, worker]"));
	}

	@Test
	void actorsWithPageButNoTagShouldBeRejected() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=actors")
			.run((context) -> assertThatExceptionOfType(InvalidEndpointRequestException.class)
				.isThrownBy(() -> context.getBean(ActorsEndpoint.class).actors(null, 1, null))
				.withMessage(
						"A page of actors needs a tag: add 'tag', one of [blocker, counter, fragile, other, worker]"));
	}

	@Test
	void actorsShouldShowTheParentOfChildActors() {
		this.runner.withUserConfiguration(FamilyConfiguration.class)
			.withPropertyValues("management.endpoints.web.exposure.include=actors")
			.run((context) -> {
				Bridge bridge = context.getBean(Bridge.class);
				ActorSystem system = context.getBean(ActorSystem.class);
				ActorRef family = system.lookup("family").orElseThrow();
				String child = bridge.call(family, new SpawnChild("child"), Duration.ofSeconds(5));
				assertThat(child).isEqualTo("family/child");
				bridge.call(system.lookup(child).orElseThrow(), new SpawnChild("grandchild"), Duration.ofSeconds(5));
				ActorsEndpoint endpoint = context.getBean(ActorsEndpoint.class);
				assertThat(endpoint.actors("family", null, null).page().actors())
					.extracting(ActorDescriptor::name, ActorDescriptor::parent, ActorDescriptor::tag)
					.containsExactly(tuple("family", null, "family"), tuple("family/child", "family", "family"),
							tuple("family/child/grandchild", "family/child", "family"));
				assertThat(endpoint.actor("family/child/grandchild").parent()).isEqualTo("family/child");
				assertThat(endpoint.actor("worker").parent()).isNull();
			});
	}

	@Test
	void actorsShouldTagChildrenOfOtherThanSingletonActorBeansAsOther() {
		this.runner.withUserConfiguration(FamilyConfiguration.class)
			.withPropertyValues("management.endpoints.web.exposure.include=actors")
			.run((context) -> {
				Bridge bridge = context.getBean(Bridge.class);
				ActorRef prototype = context.getBean(ActorFactory.class).spawn(PrototypeParent.class, "proto");
				ActorRef plain = context.getBean(ActorSystem.class).spawn("plain", new TestActors.Parent());
				bridge.call(prototype, new SpawnChild("child"), Duration.ofSeconds(5));
				bridge.call(plain, new SpawnChild("child"), Duration.ofSeconds(5));
				ActorsEndpoint endpoint = context.getBean(ActorsEndpoint.class);
				assertThat(endpoint.actor("proto").tag()).isEqualTo("prototypeParent");
				assertThat(endpoint.actor("proto/child").parent()).isEqualTo("proto");
				assertThat(endpoint.actor("proto/child").tag()).isEqualTo(ActorBeans.OTHER);
				assertThat(endpoint.actor("plain/child").parent()).isEqualTo("plain");
				assertThat(endpoint.actor("plain/child").tag()).isEqualTo(ActorBeans.OTHER);
			});
	}

	@Test
	void actorShouldDescribeOneActor() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=actors").run((context) -> {
			ActorRef worker = context.getBean(ActorSystem.class).lookup("worker").orElseThrow();
			Bridge bridge = context.getBean(Bridge.class);
			bridge.call(worker, Work.OK, Duration.ofSeconds(5));
			ActorsEndpoint endpoint = context.getBean(ActorsEndpoint.class);
			await().atMost(Duration.ofSeconds(5)).until(() -> endpoint.actor("worker").processed() == 1);
			ActorDescriptor actor = endpoint.actor("worker");
			assertThat(actor.name()).isEqualTo("worker");
			assertThat(actor.state()).isEqualTo(ActorState.RUNNING);
			assertThat(actor.dispatcher()).isEqualTo(Dispatcher.SHARED);
			assertThat(actor.mailboxSize()).isZero();
			assertThat(actor.failures()).isZero();
			assertThat(actor.lastActivity()).isNotNull();
			assertThat(actor.processingTime()).isNotNull();
			assertThat(actor.tag()).isEqualTo("worker");
			assertThat(actor.parent()).isNull();
		});
	}

	@Test
	void actorWhenUnknownShouldBeNull() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=actors")
			.run((context) -> assertThat(context.getBean(ActorsEndpoint.class).actor("nobody")).isNull());
	}

	@Test
	void stopShouldStopActorGracefully() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=actors").run((context) -> {
			ActorsEndpoint endpoint = context.getBean(ActorsEndpoint.class);
			assertThat(endpoint.stop("worker")).isEqualTo(new StopDescriptor("worker", StopOutcome.STOPPED));
			assertThat(endpoint.actor("worker")).isNull();
			assertThat(context.getBean(ActorSystem.class).lookup("worker")).isEmpty();
		});
	}

	@Test
	void stopWhenUnknownShouldBeNull() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=actors")
			.run((context) -> assertThat(context.getBean(ActorsEndpoint.class).stop("nobody")).isNull());
	}

	@Test
	void stopWhenActorIsBusyPastTheTimeoutShouldReportNotStopped() {
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=actors",
					"actorbeans.bridge.default-timeout=100ms")
			.run((context) -> {
				CountDownLatch release = context.getBean(CountDownLatch.class);
				ActorSystem system = context.getBean(ActorSystem.class);
				try {
					system.lookup("blocker").orElseThrow().send(new Block());
					StopDescriptor result = context.getBean(ActorsEndpoint.class).stop("blocker");
					assertThat(result).isEqualTo(new StopDescriptor("blocker", StopOutcome.NOT_STOPPED));
					assertThat(system.lookup("blocker")).isPresent();
				}
				finally {
					release.countDown();
				}
				await().atMost(Duration.ofSeconds(5)).until(() -> system.lookup("blocker").isEmpty());
			});
	}

	@Test
	void stopAllShouldStopEveryActor() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=actors").run((context) -> {
			context.getBean(ActorFactory.class).spawn(Counter.class, "counter-1");
			StopsDescriptor result = context.getBean(ActorsEndpoint.class).stopAll();
			assertThat(result.actors()).containsExactly(new StopDescriptor("blocker", StopOutcome.STOPPED),
					new StopDescriptor("counter-1", StopOutcome.STOPPED),
					new StopDescriptor("fragile", StopOutcome.STOPPED),
					new StopDescriptor("worker", StopOutcome.STOPPED));
			assertThat(context.getBean(ActorSystem.class).actors()).isEmpty();
			assertThat(context.getBean(ActorBeans.class).failedActors()).isEmpty();
		});
	}

	private static ActorsEndpointContributor contributor(String name, Object section) {
		return new ActorsEndpointContributor() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public Object describe() {
				return section;
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	static class ContributorsConfiguration {

		@Bean
		@Order(2)
		ActorsEndpointContributor secondContributor() {
			return contributor("second", List.of("a", "b"));
		}

		@Bean
		@Order(1)
		ActorsEndpointContributor firstContributor() {
			return contributor("first", Map.of("answer", 42));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SameNameContributorConfiguration {

		@Bean
		ActorsEndpointContributor otherFirstContributor() {
			return contributor("first", "again");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomEndpointConfiguration {

		@Bean
		ActorsEndpoint customActorsEndpoint(ActorSystem actorSystem, Bridge bridge, ActorBeans actorBeans,
				ApplicationEventPublisher eventPublisher) {
			return new ActorsEndpoint(actorSystem, bridge, actorBeans, Duration.ofSeconds(1), eventPublisher);
		}

	}

}
