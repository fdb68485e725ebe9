package io.actorbeans.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.actorbeans.ActorContext;
import io.actorbeans.ActorInfo;
import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.Bridge;
import io.actorbeans.HandlerFailedException;
import io.actorbeans.Handles;
import io.actorbeans.Stopped;
import io.actorbeans.boot.Entities;
import io.actorbeans.boot.EntityActor;
import io.actorbeans.boot.EntityRef;
import io.actorbeans.boot.EntityTypes;
import jakarta.annotation.PreDestroy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link EntityActor @EntityActor} beans in local mode: activation on the first
 * message, one activation per id, stop and passivation with {@code @PreDestroy}, and the
 * validation of types, ids and properties.
 */
@Timeout(60)
class EntityActorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ActorAutoConfiguration.class, EntityAutoConfiguration.class))
		.withUserConfiguration(Lifecycle.class, Counter.class, Session.class);

	@Test
	void refIsNamedTypeSlashIdAndActivatesNothing() {
		this.contextRunner.run((context) -> {
			Entities entities = context.getBean(Entities.class);
			EntityRef ref = entities.ref(Counter.class, "apples");
			assertThat(ref.name()).isEqualTo("counter/apples");
			assertThat(ref.entityType()).isEqualTo("counter");
			assertThat(ref.entityId()).isEqualTo("apples");
			assertThat(ref).isEqualTo(entities.ref("counter", "apples")).isNotEqualTo(entities.ref("counter", "pears"));
			assertThat(context.getBean(Lifecycle.class).created).isEmpty();
			assertThat(context.getBean(ActorSystem.class).actors()).extracting(ActorInfo::name)
				.containsExactly(LocalEntities.PASSIVATION_ACTOR);
		});
	}

	@Test
	void firstMessageActivatesOneBeanPerIdThatKeepsItsState() {
		this.contextRunner.run((context) -> {
			Entities entities = context.getBean(Entities.class);
			Bridge bridge = context.getBean(Bridge.class);
			assertThat(bridge.<Long>call(entities.ref(Counter.class, "apples"), new Increment(), TIMEOUT)).isEqualTo(1);
			assertThat(bridge.<Long>call(entities.ref(Counter.class, "apples"), new Increment(), TIMEOUT)).isEqualTo(2);
			assertThat(bridge.<Long>call(entities.ref(Counter.class, "pears"), new Increment(), TIMEOUT)).isEqualTo(1);
			assertThat(context.getBean(Lifecycle.class).created).hasSize(2);
			assertThat(context.getBean(ActorSystem.class).actors()).extracting(ActorInfo::name)
				.containsExactlyInAnyOrder("counter:apples", "counter:pears", LocalEntities.PASSIVATION_ACTOR);
		});
	}

	@Test
	void askMultiCallAndHandlerFailuresWorkOnEntityRefs() {
		this.contextRunner.run((context) -> {
			Entities entities = context.getBean(Entities.class);
			Bridge bridge = context.getBean(Bridge.class);
			EntityRef apples = entities.ref(Counter.class, "apples");
			assertThat(bridge.<Long>ask(apples, new Increment(), TIMEOUT).get(5, TimeUnit.SECONDS)).isEqualTo(1);
			assertThat(
					bridge.multiCall(
							List.of(new Bridge.Request(apples, new Increment()),
									new Bridge.Request(entities.ref(Counter.class, "pears"), new Increment())),
							TIMEOUT, null))
				.containsExactly(2L, 1L);
			assertThatExceptionOfType(HandlerFailedException.class)
				.isThrownBy(() -> bridge.call(apples, new Fail(), TIMEOUT))
				.withMessageContaining("counter:apples");
		});
	}

	@Test
	void concurrentFirstMessagesToOneIdActivateItOnce() {
		this.contextRunner.run((context) -> {
			Entities entities = context.getBean(Entities.class);
			Bridge bridge = context.getBean(Bridge.class);
			ExecutorService callers = Executors.newFixedThreadPool(8);
			try {
				List<Future<?>> calls = new ArrayList<>();
				for (int i = 0; i < 8; i++) {
					calls.add(callers.submit(() -> {
						for (int j = 0; j < 200; j++) {
							bridge.call(entities.ref(Counter.class, "shared"), new Increment(), TIMEOUT);
						}
						return null;
					}));
				}
				for (Future<?> call : calls) {
					call.get(30, TimeUnit.SECONDS);
				}
			}
			finally {
				callers.shutdownNow();
			}
			assertThat(bridge.<Long>call(entities.ref(Counter.class, "shared"), new Get(), TIMEOUT)).isEqualTo(1600);
			assertThat(context.getBean(Lifecycle.class).created).hasSize(1);
		});
	}

	@Test
	void stopDestroysTheBeanAndTheNextMessageActivatesAFreshOne() {
		this.contextRunner.run((context) -> {
			Entities entities = context.getBean(Entities.class);
			Bridge bridge = context.getBean(Bridge.class);
			EntityRef apples = entities.ref(Counter.class, "apples");
			bridge.call(apples, new Increment(), TIMEOUT);
			Lifecycle lifecycle = context.getBean(Lifecycle.class);
			assertThat(bridge.stop(List.of(apples), TIMEOUT)).containsExactly(new Stopped("counter:apples"));
			assertThat(lifecycle.destroyed).containsExactlyElementsOf(lifecycle.created).hasSize(1);
			assertThat(bridge.<Long>call(apples, new Get(), TIMEOUT)).as("a fresh activation").isZero();
			assertThat(lifecycle.created).hasSize(2);
		});
	}

	@Test
	void callsRacingWithStopsNeverFailAndActivationsNeverOverlap() {
		this.contextRunner.run((context) -> {
			Entities entities = context.getBean(Entities.class);
			Bridge bridge = context.getBean(Bridge.class);
			EntityRef racing = entities.ref(Counter.class, "racing");
			AtomicBoolean done = new AtomicBoolean();
			ExecutorService threads = Executors.newFixedThreadPool(5);
			try {
				List<Future<?>> callers = new ArrayList<>();
				for (int i = 0; i < 4; i++) {
					callers.add(threads.submit(() -> {
						for (int j = 0; j < 2000; j++) {
							// an ActorStoppedException here fails the test
							bridge.call(racing, new Increment(), TIMEOUT);
						}
						return null;
					}));
				}
				Future<?> stopper = threads.submit(() -> {
					while (!done.get()) {
						bridge.stop(List.of(racing), TIMEOUT);
					}
					return null;
				});
				for (Future<?> caller : callers) {
					caller.get(60, TimeUnit.SECONDS);
				}
				done.set(true);
				stopper.get(10, TimeUnit.SECONDS);
			}
			finally {
				threads.shutdownNow();
			}
			Lifecycle lifecycle = context.getBean(Lifecycle.class);
			assertThat(lifecycle.overlaps).isZero();
			assertThat(lifecycle.created.size()).isGreaterThan(1);
		});
	}

	@Test
	void entityThatPassivatesItselfLosesNoMessageOnItsWay() {
		this.contextRunner.withUserConfiguration(Batch.class).run((context) -> {
			Entities entities = context.getBean(Entities.class);
			Bridge bridge = context.getBean(Bridge.class);
			EntityRef batch = entities.ref(Batch.class, "b1");
			ExecutorService threads = Executors.newFixedThreadPool(4);
			try {
				List<Future<?>> callers = new ArrayList<>();
				for (int i = 0; i < 4; i++) {
					callers.add(threads.submit(() -> {
						for (int j = 0; j < 2000; j++) {
							// an ActorStoppedException here fails the test
							assertThat(bridge.<Long>call(batch, new Increment(), TIMEOUT)).isPositive();
						}
						return null;
					}));
				}
				for (Future<?> caller : callers) {
					caller.get(60, TimeUnit.SECONDS);
				}
			}
			finally {
				threads.shutdownNow();
			}
			Lifecycle lifecycle = context.getBean(Lifecycle.class);
			assertThat(lifecycle.handled).hasValue(8000);
			assertThat(lifecycle.overlaps).isZero();
			assertThat(lifecycle.created.size()).as("activations").isGreaterThan(8000 / 2 / Batch.SIZE);
		});
	}

	@Test
	void passivateFromAnActorThatIsNoEntityFailsNamingIt() {
		this.contextRunner.run((context) -> {
			Entities entities = context.getBean(Entities.class);
			ActorRef plain = context.getBean(ActorSystem.class).spawn("plain", new Object() {

				@Handles
				String on(Get get, ActorContext actorContext) {
					try {
						entities.passivate(actorContext);
						return "passivated";
					}
					catch (IllegalArgumentException ex) {
						return ex.getMessage();
					}
				}

			});
			assertThat(context.getBean(Bridge.class).<String>call(plain, new Get(), TIMEOUT))
				.startsWith("Actor 'plain' is not an entity: passivate(context) ends the activation of an "
						+ "@EntityActor bean from one of its handlers; the entity types are [counter, session]");
		});
	}

	@Test
	void idleEntityOfAPassivatingTypeIsPassivatedAndReactivatedFresh() {
		this.contextRunner.run((context) -> {
			Entities entities = context.getBean(Entities.class);
			Bridge bridge = context.getBean(Bridge.class);
			EntityRef session = entities.ref(Session.class, "s1");
			assertThat(bridge.<Long>call(session, new Increment(), TIMEOUT)).isEqualTo(1);
			Lifecycle lifecycle = context.getBean(Lifecycle.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> lifecycle.destroyed.size() == 1);
			assertThat(context.getBean(ActorSystem.class).lookup("session:s1")).isEmpty();
			assertThat(bridge.<Long>call(session, new Increment(), TIMEOUT)).as("a fresh activation").isEqualTo(1);
		});
	}

	@Test
	void entityThatKeepsGettingMessagesIsNotPassivated() {
		this.contextRunner.withPropertyValues("actorbeans.entity.passivate-after.session=2s").run((context) -> {
			Bridge bridge = context.getBean(Bridge.class);
			EntityRef session = context.getBean(Entities.class).ref(Session.class, "busy");
			for (int i = 1; i <= 30; i++) {
				assertThat(bridge.<Long>call(session, new Increment(), TIMEOUT)).isEqualTo(i);
				Thread.sleep(100);
			}
			assertThat(context.getBean(Lifecycle.class).destroyed).isEmpty();
		});
	}

	@Test
	void passivationIsOffByDefaultAndAPropertyOverridesTheAnnotation() {
		this.contextRunner.run((context) -> {
			EntityTypes types = context.getBean(EntityTypes.class);
			assertThat(types.get("counter").passivates()).isFalse();
			assertThat(types.get("session").passivateAfter()).isEqualTo(Duration.ofMillis(200));
			context.getBean(Entities.class);
			assertThat(context.getBean(ActorSystem.class).lookup(LocalEntities.PASSIVATION_ACTOR)).isPresent();
		});
		this.contextRunner.withPropertyValues("actorbeans.entity.passivate-after.session=0").run((context) -> {
			assertThat(context.getBean(EntityTypes.class).get("session").passivates()).isFalse();
			context.getBean(Entities.class);
			assertThat(context.getBean(ActorSystem.class).lookup(LocalEntities.PASSIVATION_ACTOR)).isEmpty();
		});
	}

	@Test
	void unknownTypesAndInvalidIdsFailNamingTheCulprit() {
		this.contextRunner.run((context) -> {
			Entities entities = context.getBean(Entities.class);
			assertThatIllegalArgumentException().isThrownBy(() -> entities.ref(String.class, "x"))
				.withMessage("No single entity type has class java.lang.String: no @EntityActor bean has that type; "
						+ "the entity types are [counter, session]");
			assertThatIllegalArgumentException().isThrownBy(() -> entities.ref("orders", "x"))
				.withMessage("No entity type 'orders': the entity types are [counter, session]");
			assertThatIllegalArgumentException().isThrownBy(() -> entities.ref(Counter.class, "a/b"))
				.withMessage(
						"Invalid id 'a/b' for an entity of type 'counter': an entity id is not empty and has no '/'");
			assertThatIllegalArgumentException().isThrownBy(() -> entities.ref(Counter.class, ""))
				.withMessageStartingWith("Invalid id ''");
		});
	}

	@Test
	void propertyForAnUnknownTypeFailsStartup() {
		this.contextRunner.withPropertyValues("actorbeans.entity.passivate-after.orders=1m")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("Invalid property 'actorbeans.entity.passivate-after.orders': No entity type 'orders': "
						+ "the entity types are [counter, session]"));
	}

	@Test
	void invalidPassivateAfterFailsStartup() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ActorAutoConfiguration.class, EntityAutoConfiguration.class))
			.withUserConfiguration(Lifecycle.class, Sloppy.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageStartingWith("Invalid @EntityActor(value = \"sloppy\", passivateAfter = \"soon\") on "
						+ Sloppy.class.getName() + ": it is not a duration"));
	}

	@Test
	void twoTypesWithOneNameFailStartup() {
		this.contextRunner.withUserConfiguration(OtherCounter.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("for bean 'counter'")
				.hasMessageContaining(OtherCounter.class.getName())
				.hasMessageContaining(Counter.class.getName()));
	}

	@Test
	void singletonEntityBeanFailsStartup() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ActorAutoConfiguration.class, EntityAutoConfiguration.class))
			.withUserConfiguration(Lifecycle.class, SingletonEntityConfiguration.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("Invalid @EntityActor bean 'singletonCounter' (" + Counter.class.getName()
						+ "): an entity bean is prototype-scoped"));
	}

	/**
	 * Records the bean instances made and destroyed, and counts overlapping activations.
	 */
	static class Lifecycle {

		final List<Integer> created = new CopyOnWriteArrayList<>();

		final List<Integer> destroyed = new CopyOnWriteArrayList<>();

		final AtomicLong handled = new AtomicLong();

		volatile int live;

		volatile int overlaps;

		synchronized void created(Object bean) {
			this.created.add(System.identityHashCode(bean));
			if (++this.live > 1) {
				this.overlaps++;
			}
		}

		synchronized void destroyed(Object bean) {
			this.destroyed.add(System.identityHashCode(bean));
			this.live--;
		}

	}

	record Increment() {
	}

	record Get() {
	}

	record Fail() {
	}

	@EntityActor("counter")
	static class Counter {

		private final Lifecycle lifecycle;

		private long value;

		Counter(Lifecycle lifecycle) {
			this.lifecycle = lifecycle;
			lifecycle.created(this);
		}

		@Handles
		long on(Increment increment) {
			return ++this.value;
		}

		@Handles
		long on(Get get) {
			return this.value;
		}

		@Handles
		long on(Fail fail) {
			throw new IllegalStateException("failing on purpose");
		}

		@PreDestroy
		void destroy() {
			this.lifecycle.destroyed(this);
		}

	}

	@EntityActor(value = "session", passivateAfter = "${test.session.idle:200ms}")
	static class Session extends Counter {

		Session(Lifecycle lifecycle) {
			super(lifecycle);
		}

	}

	/** Passivates itself once it has counted {@link #SIZE} increments. */
	@EntityActor("batch")
	static class Batch {

		static final int SIZE = 10;

		private final Lifecycle lifecycle;

		private final Entities entities;

		private long count;

		Batch(Lifecycle lifecycle, Entities entities) {
			this.lifecycle = lifecycle;
			this.entities = entities;
			lifecycle.created(this);
		}

		@PreDestroy
		void destroy() {
			this.lifecycle.destroyed(this);
		}

		@Handles
		long on(Increment increment, ActorContext context) {
			this.lifecycle.handled.incrementAndGet();
			if (++this.count == SIZE) {
				this.entities.passivate(context);
			}
			return this.count;
		}

	}

	@EntityActor("counter")
	static class OtherCounter {

	}

	@EntityActor(value = "sloppy", passivateAfter = "soon")
	static class Sloppy {

	}

	@Configuration(proxyBeanMethods = false)
	static class SingletonEntityConfiguration {

		@Bean
		Counter singletonCounter(Lifecycle lifecycle) {
			return new Counter(lifecycle);
		}

	}

}
