package io.actorbeans.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.actorbeans.ActorInfo;
import io.actorbeans.ActorNameInUseException;
import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.Bridge;
import io.actorbeans.FailurePolicy;
import io.actorbeans.HandlerFailedException;
import io.actorbeans.Handles;
import io.actorbeans.Stopped;
import io.actorbeans.boot.Actor;
import io.actorbeans.boot.ActorBeans;
import io.actorbeans.boot.ActorFactory;
import jakarta.annotation.PreDestroy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for prototype-scoped {@link Actor @Actor} beans spawned by the
 * {@link ActorFactory}.
 */
@Timeout(30)
class PrototypeActorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ActorAutoConfiguration.class))
		.withUserConfiguration(SessionConfiguration.class);

	@Test
	void prototypeActorBeanIsNotSpawnedAtStartupAndHasNoActorRefBean() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ActorSystem.class).actors()).extracting(ActorInfo::name)
				.containsExactly("singleton");
			assertThat(context.getBeansOfType(ActorRef.class)).containsOnlyKeys("singletonActorRef");
			assertThat(context.getBean(Registry.class).created).isEmpty();
		});
	}

	@Test
	void prototypeActorBeanLookedUpByTypeIsNoActorAndRefusesCalls() {
		this.contextRunner.run((context) -> {
			Session looseInstance = context.getBean(Session.class);
			assertThatExceptionOfType(ActorConfinementException.class).isThrownBy(() -> looseInstance.add(1))
				.withMessageContaining(Session.class.getName() + ".add")
				.withMessageContaining("'session'");
		});
	}

	@Test
	void eachSpawnedActorGetsItsOwnBeanInstanceWithItsDependencies() {
		this.contextRunner.run((context) -> {
			ActorFactory factory = context.getBean(ActorFactory.class);
			Bridge bridge = context.getBean(Bridge.class);
			ActorRef first = factory.spawn(Session.class, "session-1");
			ActorRef second = factory.spawn(Session.class, "session-2");
			assertThat(first.name()).isEqualTo("session-1");
			assertThat(context.getBean(ActorSystem.class).lookup("session-2")).containsSame(second);
			Registry registry = context.getBean(Registry.class);
			assertThat(registry.created).hasSize(2);
			Identity firstIdentity = bridge.call(first, new WhoAreYou(), TIMEOUT);
			Identity secondIdentity = bridge.call(second, new WhoAreYou(), TIMEOUT);
			assertThat(firstIdentity.instance()).isNotEqualTo(secondIdentity.instance());
			assertThat(List.of(firstIdentity.instance(), secondIdentity.instance()))
				.containsExactlyInAnyOrderElementsOf(registry.created);
			assertThat(firstIdentity.registry()).isEqualTo(System.identityHashCode(registry));
			assertThat(bridge.<Integer>call(first, 1, TIMEOUT)).isEqualTo(1);
			assertThat(bridge.<Integer>call(first, 1, TIMEOUT)).isEqualTo(2);
			assertThat(bridge.<Integer>call(second, 1, TIMEOUT)).isEqualTo(1);
		});
	}

	@Test
	void stoppingTheActorDestroysItsBeanInstance() {
		this.contextRunner.run((context) -> {
			ActorRef session = context.getBean(ActorFactory.class).spawn(Session.class, "session");
			Bridge bridge = context.getBean(Bridge.class);
			int instance = bridge.<Identity>call(session, new WhoAreYou(), TIMEOUT).instance();
			Registry registry = context.getBean(Registry.class);
			assertThat(registry.destroyed).isEmpty();
			assertThat(bridge.stop(List.of(session), TIMEOUT)).containsExactly(new Stopped("session"));
			assertThat(registry.destroyed).containsExactly(instance);
		});
	}

	@Test
	void restartDestroysTheOldInstanceAndMakesANewOne() {
		this.contextRunner.run((context) -> {
			ActorRef session = context.getBean(ActorFactory.class).spawn(Session.class, "session");
			Bridge bridge = context.getBean(Bridge.class);
			Registry registry = context.getBean(Registry.class);
			int before = bridge.<Identity>call(session, new WhoAreYou(), TIMEOUT).instance();
			assertThat(bridge.<Integer>call(session, 5, TIMEOUT)).isEqualTo(5);
			assertThatExceptionOfType(HandlerFailedException.class)
				.isThrownBy(() -> bridge.call(session, new Fail(), TIMEOUT));
			Identity after = bridge.call(session, new WhoAreYou(), TIMEOUT);
			assertThat(after.instance()).isNotEqualTo(before);
			assertThat(after.registry()).isEqualTo(System.identityHashCode(registry));
			assertThat(registry.destroyed).containsExactly(before);
			assertThat(registry.created).containsExactly(before, after.instance());
			assertThat(bridge.<Integer>call(session, 1, TIMEOUT)).as("a fresh instance starts from 0").isEqualTo(1);
			assertThat(context.getBean(ActorSystem.class).lookup("session")).containsSame(session);
		});
	}

	@Test
	void closingTheContextDestroysTheInstancesOfLiveActors() {
		AtomicReference<Registry> registry = new AtomicReference<>();
		AtomicReference<Integer> instance = new AtomicReference<>();
		this.contextRunner.run((context) -> {
			registry.set(context.getBean(Registry.class));
			ActorRef session = context.getBean(ActorFactory.class).spawn(Session.class, "session");
			instance.set(context.getBean(Bridge.class).<Identity>call(session, new WhoAreYou(), TIMEOUT).instance());
		});
		assertThat(registry.get().destroyed).containsExactly(instance.get());
	}

	@Test
	void prototypeActorsAreTaggedByTheirBeanName() {
		this.contextRunner.run((context) -> {
			ActorBeans actorBeans = context.getBean(ActorBeans.class);
			ActorFactory factory = context.getBean(ActorFactory.class);
			factory.spawn(Session.class, "session-a");
			factory.spawn(Session.class, "session-b");
			assertThat(actorBeans.tagOf("session-a")).isEqualTo("session");
			assertThat(actorBeans.tagOf("session-b")).isEqualTo("session");
			assertThat(actorBeans.tags()).contains("session");
			assertThat(actorBeans.totals(context.getBean(ActorSystem.class).actors()).get("session").actors())
				.isEqualTo(2);
		});
	}

	@Test
	void spawningANameInUseFailsAndLeavesNoInstanceBehind() {
		this.contextRunner.run((context) -> {
			ActorFactory factory = context.getBean(ActorFactory.class);
			factory.spawn(Session.class, "session");
			assertThatExceptionOfType(ActorNameInUseException.class)
				.isThrownBy(() -> factory.spawn(Session.class, "session"))
				.withMessageContaining("session");
			Registry registry = context.getBean(Registry.class);
			assertThat(registry.created).as("one instance for the live actor, one for the refused spawn").hasSize(2);
			assertThat(registry.destroyed).as("the instance made for the refused spawn is destroyed")
				.containsExactly(registry.created.get(1));
		});
	}

	@Test
	void spawningAnUnknownTypeFailsNamingTheType() {
		this.contextRunner.run((context) -> assertThatIllegalArgumentException()
			.isThrownBy(() -> context.getBean(ActorFactory.class).spawn(Unknown.class, "unknown"))
			.withMessageContaining(Unknown.class.getName()));
	}

	@Test
	void spawningTheTypeOfASingletonActorFailsNamingTheType() {
		this.contextRunner.run((context) -> assertThatIllegalArgumentException()
			.isThrownBy(() -> context.getBean(ActorFactory.class).spawn(Singleton.class, "another"))
			.withMessageContaining(Singleton.class.getName()));
	}

	record WhoAreYou() {
	}

	record Identity(int instance, int registry) {
	}

	record Fail() {
	}

	static class Unknown {

	}

	static class Registry {

		final List<Integer> created = new CopyOnWriteArrayList<>();

		final List<Integer> destroyed = new CopyOnWriteArrayList<>();

	}

	static class Session {

		private final Registry registry;

		private final AtomicInteger total = new AtomicInteger();

		Session(Registry registry) {
			this.registry = registry;
			registry.created.add(System.identityHashCode(this));
		}

		@Handles
		Identity identify(WhoAreYou request) {
			return new Identity(System.identityHashCode(this), System.identityHashCode(this.registry));
		}

		@Handles
		Integer add(Integer value) {
			return this.total.addAndGet(value);
		}

		@Handles
		void fail(Fail request) {
			throw new IllegalStateException("failing on purpose");
		}

		@PreDestroy
		void destroy() {
			this.registry.destroyed.add(System.identityHashCode(this));
		}

	}

	static class Singleton {

		@Handles
		void on(String text) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SessionConfiguration {

		@Bean
		Registry registry() {
			return new Registry();
		}

		@Bean
		@Actor(failurePolicy = FailurePolicy.RESTART)
		@Scope("prototype")
		Session session(Registry registry) {
			return new Session(registry);
		}

		@Bean
		@Actor
		Singleton singleton() {
			return new Singleton();
		}

	}

}
