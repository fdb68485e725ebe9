package io.actorbeans.boot.autoconfigure;

import java.time.Duration;

import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.Handles;
import io.actorbeans.boot.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.TestContextManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ActorSystemLifecycle}: the actor system lives as long as the
 * application context, through a pause.
 */
@Timeout(30)
class ActorSystemLifecycleTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ActorAutoConfiguration.class))
		.withUserConfiguration(EchoConfiguration.class);

	@Test
	void lifecycleIsRunningOnceTheContextHasStarted() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(ActorSystemLifecycle.class).isRunning()).isTrue();
			assertThat(context.getBean(ActorSystemLifecycle.class).getPhase()).isEqualTo(ActorSystemLifecycle.PHASE);
		});
	}

	@Test
	void pausingAndRestartingTheContextKeepsTheActorsRunning() {
		// A pause is not a shutdown: Spring Framework 7's test context cache pauses the
		// contexts it keeps for later, and resumes them with start().
		this.contextRunner.run((context) -> {
			ActorSystem system = context.getBean(ActorSystem.class);
			context.pause();
			context.start();
			assertThat(system.isShutdown()).isFalse();
			ActorRef echo = context.getBean(EchoClient.class).echo();
			assertThat(system.bridge().<String>call(echo, "still here", TIMEOUT)).isEqualTo("still here");
		});
	}

	@Test
	void cachedTestContextReusedAfterAContextSwitchStillHasRunningActors() throws Exception {
		// What a test suite does: class A, then class B with another configuration (the
		// cache pauses A's context), then class C with A's configuration (it gets A's
		// context back, restarted).
		ApplicationContext first = loadTestContext(FirstTestClass.class);
		ActorSystem system = first.getBean(ActorSystem.class);
		assertThat(system.isShutdown()).isFalse();
		loadTestContext(OtherConfigurationTestClass.class);
		ApplicationContext again = loadTestContext(FirstTestClass.class);
		assertThat(again).isSameAs(first);
		assertThat(system.isShutdown()).isFalse();
		ActorRef echo = again.getBean(EchoClient.class).echo();
		assertThat(system.bridge().<String>call(echo, "cached", TIMEOUT)).isEqualTo("cached");
	}

	private static ApplicationContext loadTestContext(Class<?> testClass) throws Exception {
		TestContextManager manager = new TestContextManager(testClass);
		manager.beforeTestClass();
		manager.prepareTestInstance(testClass.getDeclaredConstructor().newInstance());
		ApplicationContext context = manager.getTestContext().getApplicationContext();
		manager.afterTestClass();
		return context;
	}

	@SpringBootTest(classes = EchoConfiguration.class, properties = "spring.main.banner-mode=off")
	static class FirstTestClass {

	}

	@SpringBootTest(classes = OtherConfiguration.class, properties = "spring.main.banner-mode=off")
	static class OtherConfigurationTestClass {

	}

	static class Echo {

		@Handles
		String echo(String text) {
			return text;
		}

	}

	record EchoClient(ActorRef echo) {
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(ActorAutoConfiguration.class)
	static class EchoConfiguration {

		@Bean
		@Actor
		Echo echo() {
			return new Echo();
		}

		@Bean
		EchoClient echoClient(@Qualifier("echo") ActorRef echo) {
			return new EchoClient(echo);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(ActorAutoConfiguration.class)
	static class OtherConfiguration {

	}

}
