package io.actorbeans.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.Bridge;
import io.actorbeans.Handles;
import io.actorbeans.HandlerFailedException;
import io.actorbeans.ReplyAdapter;
import io.actorbeans.boot.Actor;
import io.actorbeans.boot.BlockingCallException;
import io.actorbeans.boot.ReactiveBridge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ActorReactiveAutoConfiguration}: handlers that reply with a
 * {@code Mono} or a {@code Flux}, the {@link ReactiveBridge} bean, and the Bridge that
 * refuses to wait on a non-blocking thread.
 */
@Timeout(30)
class ActorReactiveAutoConfigurationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ActorAutoConfiguration.class, ActorReactiveAutoConfiguration.class));

	@Test
	void aHandlerReturningAMonoRepliesWithItsValue() {
		this.contextRunner.withUserConfiguration(ReactiveActorConfiguration.class).run((context) -> {
			Bridge bridge = context.getBean(Bridge.class);
			ActorRef actor = context.getBean(ActorSystem.class).lookup("reactive").orElseThrow();
			assertThat(bridge.<String>call(actor, "Ada", TIMEOUT)).isEqualTo("Hello, Ada");
		});
	}

	@Test
	void aHandlerReturningAFluxRepliesWithTheListOfItsValues() {
		this.contextRunner.withUserConfiguration(ReactiveActorConfiguration.class).run((context) -> {
			Bridge bridge = context.getBean(Bridge.class);
			ActorRef actor = context.getBean(ActorSystem.class).lookup("reactive").orElseThrow();
			assertThat(bridge.<List<Integer>>call(actor, 3, TIMEOUT)).containsExactly(1, 2, 3);
			assertThat(bridge.<List<Integer>>call(actor, 0, TIMEOUT)).isEmpty();
		});
	}

	@Test
	void aMonoThatFailsIsTheHandlersFailureAndTheCallerGetsTheCause() {
		this.contextRunner.withUserConfiguration(ReactiveActorConfiguration.class).run((context) -> {
			Bridge bridge = context.getBean(Bridge.class);
			ActorRef actor = context.getBean(ActorSystem.class).lookup("reactive").orElseThrow();
			assertThatExceptionOfType(HandlerFailedException.class)
				.isThrownBy(() -> bridge.call(actor, new Explode(), TIMEOUT))
				.withMessageContaining("in the reply of handler '")
				.withCauseInstanceOf(IllegalStateException.class);
			// the failure is handled by the actor, in its mailbox's order
			assertThat(bridge.<String>call(actor, "Grace", TIMEOUT)).isEqualTo("Hello, Grace");
			assertThat(context.getBean(ActorSystem.class).actor("reactive"))
				.hasValueSatisfying((info) -> assertThat(info.failures()).isOne());
		});
	}

	@Test
	void withoutReactiveStreamsTheResultIsTheReply() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Publisher.class))
			.withUserConfiguration(ReactiveActorConfiguration.class)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ReactiveBridge.class);
				assertThat(context.getBean(ActorSystem.class).settings().replyAdapter()).isNull();
			});
	}

	@Test
	void aReplyAdapterOfTheApplicationsOwnReplacesSpringsRegistry() {
		this.contextRunner.withUserConfiguration(UserReplyAdapterConfiguration.class)
			.run((context) -> assertThat(context.getBean(ActorSystem.class).settings().replyAdapter())
				.isSameAs(UserReplyAdapterConfiguration.ADAPTER));
	}

	@Test
	void reactiveBridgeIsAutoConfiguredWithReactor() {
		this.contextRunner.withUserConfiguration(ReactiveActorConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ReactiveBridge.class);
			ActorRef actor = context.getBean(ActorSystem.class).lookup("reactive").orElseThrow();
			assertThat(context.getBean(ReactiveBridge.class).<String>ask(actor, "Ada", TIMEOUT).block(TIMEOUT))
				.isEqualTo("Hello, Ada");
		});
	}

	@Test
	void reactiveBridgeWhenUserDefinesOneShouldBackOff() {
		this.contextRunner.withUserConfiguration(UserReactiveBridgeConfiguration.class)
			.run((context) -> assertThat(context.getBean(ReactiveBridge.class))
				.isSameAs(context.getBean(UserReactiveBridgeConfiguration.class).reactiveBridge));
	}

	@Test
	void withoutReactorThereIsNoReactiveBridgeButHandlersMayReturnPublishers() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Mono.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ReactiveBridge.class));
	}

	@Test
	void theBridgeRefusesToWaitOnANonBlockingThreadAndNamesReactiveBridge() {
		this.contextRunner.withUserConfiguration(ReactiveActorConfiguration.class).run((context) -> {
			Bridge bridge = context.getBean(Bridge.class);
			ActorRef actor = context.getBean(ActorSystem.class).lookup("reactive").orElseThrow();
			Mono<Object> onParallel = Mono.fromCallable(() -> (Object) bridge.call(actor, "Ada", TIMEOUT))
				.subscribeOn(Schedulers.parallel());
			assertThatExceptionOfType(BlockingCallException.class).isThrownBy(() -> onParallel.block(TIMEOUT))
				.withMessageStartingWith("Bridge.call to actor 'reactive' would block thread 'parallel-")
				.withMessageContaining("use ReactiveBridge");
			Mono<Object> stopOnParallel = Mono.fromCallable(() -> (Object) bridge.stop(List.of(actor), TIMEOUT))
				.subscribeOn(Schedulers.parallel());
			assertThatExceptionOfType(BlockingCallException.class).isThrownBy(() -> stopOnParallel.block(TIMEOUT))
				.withMessageStartingWith("Bridge.stop to actor 'reactive'");
			Mono<Object> multiCallOnParallel = Mono
				.fromCallable(() -> (Object) bridge.multiCall(List.of(new Bridge.Request(actor, "Ada")), TIMEOUT, ""))
				.subscribeOn(Schedulers.parallel());
			assertThatExceptionOfType(BlockingCallException.class).isThrownBy(() -> multiCallOnParallel.block(TIMEOUT))
				.withMessageStartingWith("Bridge.multiCall to actor 'reactive'");
			// the verbs that do not wait work there, and every verb works elsewhere
			Mono<Object> askOnParallel = Mono.fromFuture(() -> bridge.ask(actor, "Ada", TIMEOUT))
				.subscribeOn(Schedulers.parallel());
			assertThat(askOnParallel.block(TIMEOUT)).isEqualTo("Hello, Ada");
			assertThat(bridge.<String>call(actor, "Ada", TIMEOUT)).isEqualTo("Hello, Ada");
		});
	}

	@Test
	void withoutReactorTheBridgeIsTheSystemsOwn() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Mono.class))
			.run((context) -> assertThat(context.getBean(Bridge.class))
				.isSameAs(context.getBean(ActorSystem.class).bridge()));
	}

	record Explode() {
	}

	static class Greeter {

		@Handles
		Mono<String> greet(String name) {
			return Mono.just(name).map((value) -> "Hello, " + value);
		}

		@Handles
		Flux<Integer> count(Integer to) {
			return Flux.range(1, to);
		}

		@Handles
		Mono<String> explode(Explode explode) {
			return Mono.error(new IllegalStateException("boom"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReactiveActorConfiguration {

		@Bean
		@Actor
		Greeter reactive() {
			return new Greeter();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserReplyAdapterConfiguration {

		static final ReplyAdapter ADAPTER = new ReplyAdapter() {

			@Override
			public boolean supports(Class<?> resultClass) {
				return false;
			}

			@Override
			public CompletionStage<?> adapt(Object result) {
				throw new UnsupportedOperationException();
			}

		};

		@Bean
		ActorSystemSettingsCustomizer userReplyAdapter() {
			return (settings) -> settings.withReplyAdapter(ADAPTER);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserReactiveBridgeConfiguration {

		ReactiveBridge reactiveBridge;

		@Bean
		ReactiveBridge userReactiveBridge(@Qualifier("actorBridge") Bridge bridge) {
			this.reactiveBridge = new ReactiveBridge(bridge, Schedulers.immediate());
			return this.reactiveBridge;
		}

	}

}
