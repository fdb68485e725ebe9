package io.actorbeans.boot.autoconfigure;

import io.actorbeans.Handles;
import io.actorbeans.boot.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actor beans with methods that Spring would call on its own threads fail the startup,
 * naming the bean, the method and what to do instead.
 */
@Timeout(60)
class ActorBeanCallbackTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ActorAutoConfiguration.class));

	@Test
	void eventListenerMethodFailsTheStartupNamingTheBeanAndMethod() {
		this.contextRunner.withUserConfiguration(EventListenerActorConfiguration.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(ActorBeanCallbackException.class)
				.hasMessageContaining("Actor bean 'listening'")
				.hasMessageContaining(ListeningActor.class.getName() + ".onRefresh' annotated @EventListener")
				.hasMessageContaining("send the event to the actor's ActorRef"));
	}

	@Test
	void scheduledMethodFailsTheStartupPointingToPeriodic() {
		this.contextRunner.withUserConfiguration(ScheduledActorConfiguration.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(ActorBeanCallbackException.class)
				.hasMessageContaining("Actor bean 'scheduled'")
				.hasMessageContaining("annotated @Scheduled")
				.hasMessageContaining("@Periodic"));
	}

	@Test
	void asyncClassFailsTheStartup() {
		this.contextRunner.withUserConfiguration(AsyncActorConfiguration.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(ActorBeanCallbackException.class)
				.hasMessageContaining("class " + AsyncActor.class.getName() + " annotated @Async"));
	}

	@Test
	void applicationListenerFailsTheStartupEvenForAPrototypeActor() {
		this.contextRunner.withUserConfiguration(ApplicationListenerActorConfiguration.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(ActorBeanCallbackException.class)
				.hasMessageContaining("Actor bean 'refreshListener'")
				.hasMessageContaining("implementing " + ApplicationListener.class.getName()));
	}

	@Test
	void theSameCallbacksOnAPlainBeanAreFine() {
		this.contextRunner.withUserConfiguration(PlainListenerConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Configuration(proxyBeanMethods = false)
	static class EventListenerActorConfiguration {

		@Bean
		@Actor
		ListeningActor listening() {
			return new ListeningActor();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ScheduledActorConfiguration {

		@Bean
		@Actor
		ScheduledActor scheduled() {
			return new ScheduledActor();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AsyncActorConfiguration {

		@Bean
		@Actor
		AsyncActor async() {
			return new AsyncActor();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationListenerActorConfiguration {

		@Bean
		@Actor
		@Scope("prototype")
		RefreshListener refreshListener() {
			return new RefreshListener();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PlainListenerConfiguration {

		@Bean
		ListeningActor plainListener() {
			return new ListeningActor();
		}

	}

	static class ListeningActor {

		@Handles
		void on(String message) {
		}

		@EventListener
		void onRefresh(ContextRefreshedEvent event) {
		}

	}

	static class ScheduledActor {

		@Handles
		void on(String message) {
		}

		@Scheduled(fixedRate = 1000)
		void tick() {
		}

	}

	@Async
	static class AsyncActor {

		@Handles
		void on(String message) {
		}

	}

	static class RefreshListener implements ApplicationListener<ContextRefreshedEvent> {

		@Handles
		void on(String message) {
		}

		@Override
		public void onApplicationEvent(ContextRefreshedEvent event) {
		}

	}

}
