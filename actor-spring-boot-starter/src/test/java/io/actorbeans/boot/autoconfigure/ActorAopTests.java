package io.actorbeans.boot.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.actorbeans.ActorRef;
import io.actorbeans.Bridge;
import io.actorbeans.FailurePolicy;
import io.actorbeans.Handles;
import io.actorbeans.boot.Actor;
import io.actorbeans.boot.ActorFactory;
import io.actorbeans.boot.Periodic;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.test.util.AopTestUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for actor beans that Spring proxies, here with an {@link Aspect @Aspect} (the
 * same applies to {@code @Transactional} or {@code @Validated}).
 */
@Timeout(30)
class ActorAopTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, ActorAutoConfiguration.class))
		.withUserConfiguration(AspectConfiguration.class);

	@Test
	void proxiedActorBeanHasItsHandlersFoundAndAdvisedOnEveryCall() {
		this.contextRunner.withUserConfiguration(ShouterConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(AopUtils.isCglibProxy(context.getBean("shouter"))).isTrue();
			CountingAspect aspect = context.getBean(CountingAspect.class);
			Bridge bridge = context.getBean(Bridge.class);
			ActorRef shouter = context.getBean(ShouterClient.class).shouter();
			assertThat(bridge.<String>call(shouter, "hello", TIMEOUT)).isEqualTo("HELLO!");
			assertThat(bridge.<String>call(shouter, "again", TIMEOUT)).isEqualTo("AGAIN!");
			assertThat(bridge.<Integer>call(shouter, 3, TIMEOUT)).isEqualTo(3);
			assertThat(bridge.<Integer>call(shouter, 4, TIMEOUT)).isEqualTo(7);
			assertThat(aspect.calls).hasValue(4);
		});
	}

	@Test
	void proxiedActorBeanKeepsItsStateInTheTarget() {
		this.contextRunner.withUserConfiguration(ShouterConfiguration.class).run((context) -> {
			ActorRef shouter = context.getBean(ShouterClient.class).shouter();
			for (int i = 1; i <= 10; i++) {
				shouter.send(i);
			}
			Integer total = context.getBean(Bridge.class).call(shouter, 0, TIMEOUT);
			assertThat(total).isEqualTo(55);
			Shouter target = AopTestUtils.getUltimateTargetObject(context.getBean("shouter"));
			assertThat(target.total).isEqualTo(55);
		});
	}

	@Test
	void proxiedPrototypeActorBeanIsAdvised() {
		this.contextRunner.withUserConfiguration(PrototypeShouterConfiguration.class).run((context) -> {
			ActorRef shouter = context.getBean(ActorFactory.class).spawn(Shouter.class, "prototype-shouter");
			assertThat(context.getBean(Bridge.class).<String>call(shouter, "hi", TIMEOUT)).isEqualTo("HI!");
			assertThat(context.getBean(CountingAspect.class).calls).hasValue(1);
		});
	}

	@Test
	void proxiedActorBeanWithAPeriodicHandlerTicksThroughTheProxy() {
		this.contextRunner.withUserConfiguration(MetronomeConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(AopUtils.isCglibProxy(context.getBean("metronome"))).isTrue();
			Metronome target = AopTestUtils.getUltimateTargetObject(context.getBean("metronome"));
			await().atMost(TIMEOUT).until(() -> target.ticks.get() >= 3);
			assertThat(context.getBean(CountingAspect.class).calls).hasValueGreaterThanOrEqualTo(3);
		});
	}

	@Test
	void proxiedActorBeanWithAPrivateHandlerFailsStartupNamingTheMethod() {
		this.contextRunner.withUserConfiguration(SecretiveConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("'secretive'")
				.hasStackTraceContaining("whisper")
				.hasStackTraceContaining("private")
				.hasStackTraceContaining("make it package-private, protected or public");
		});
	}

	@Test
	void proxiedActorBeanWithAFinalHandlerFailsStartupNamingTheMethod() {
		this.contextRunner.withUserConfiguration(FinalHandlerConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("'sealed'")
				.hasStackTraceContaining("seal")
				.hasStackTraceContaining("final");
		});
	}

	@Test
	void proxiedPrototypeActorBeanWithAPrivateHandlerFailsAtSpawn() {
		this.contextRunner.withUserConfiguration(PrototypeSecretiveConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThatExceptionOfType(RuntimeException.class)
				.isThrownBy(() -> context.getBean(ActorFactory.class).spawn(Secretive.class, "secret"))
				.withStackTraceContaining("whisper")
				.withStackTraceContaining("make it package-private, protected or public");
		});
	}

	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.TYPE)
	@interface Loud {

	}

	@Aspect
	public static class CountingAspect {

		final AtomicInteger calls = new AtomicInteger();

		@Around("@within(io.actorbeans.boot.autoconfigure.ActorAopTests.Loud) && @annotation(io.actorbeans.Handles)")
		public Object count(ProceedingJoinPoint joinPoint) throws Throwable {
			this.calls.incrementAndGet();
			Object result = joinPoint.proceed();
			return (result instanceof String text) ? text + "!" : result;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AspectConfiguration {

		@Bean
		CountingAspect countingAspect() {
			return new CountingAspect();
		}

	}

	@Loud
	static class Shouter {

		int total;

		@Handles
		String shout(String text) {
			return text.toUpperCase(Locale.ROOT);
		}

		@Handles
		Integer add(Integer value) {
			this.total += value;
			return this.total;
		}

	}

	record ShouterClient(ActorRef shouter) {
	}

	@Configuration(proxyBeanMethods = false)
	static class ShouterConfiguration {

		@Bean
		@Actor
		Shouter shouter() {
			return new Shouter();
		}

		@Bean
		ShouterClient shouterClient(@Qualifier("shouter") ActorRef shouter) {
			return new ShouterClient(shouter);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PrototypeShouterConfiguration {

		@Bean
		@Actor(failurePolicy = FailurePolicy.RESTART)
		@Scope("prototype")
		Shouter shouter() {
			return new Shouter();
		}

	}

	@Loud
	static class Metronome {

		final AtomicInteger ticks = new AtomicInteger();

		@Periodic(interval = "50ms")
		@Handles
		void onBeat(PeriodicTests.Beat beat) {
			this.ticks.incrementAndGet();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MetronomeConfiguration {

		@Bean
		@Actor
		Metronome metronome() {
			return new Metronome();
		}

	}

	@Loud
	static class Secretive {

		@Handles
		String shout(String text) {
			return text;
		}

		@Handles
		private Integer whisper(Integer value) {
			return value;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SecretiveConfiguration {

		@Bean
		@Actor
		Secretive secretive() {
			return new Secretive();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PrototypeSecretiveConfiguration {

		@Bean
		@Actor
		@Scope("prototype")
		Secretive secretive() {
			return new Secretive();
		}

	}

	@Loud
	static class Sealed {

		@Handles
		String shout(String text) {
			return text;
		}

		@Handles
		final Integer seal(Integer value) {
			return value;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FinalHandlerConfiguration {

		@Bean
		@Actor
		Sealed sealed() {
			return new Sealed();
		}

	}

}
