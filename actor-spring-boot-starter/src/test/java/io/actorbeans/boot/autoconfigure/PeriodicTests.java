package io.actorbeans.boot.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.actorbeans.ActorContext;
import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.Bridge;
import io.actorbeans.Handles;
import io.actorbeans.boot.Actor;
import io.actorbeans.boot.ActorFactory;
import io.actorbeans.boot.Periodic;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link Periodic @Periodic} handlers of actor beans: the ticks, and the
 * validation at startup.
 */
@Timeout(30)
class PeriodicTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ActorAutoConfiguration.class))
		.withBean(TickLog.class, TickLog::new);

	@Test
	void periodicOnASingletonActorBeanTicks() {
		this.contextRunner.withUserConfiguration(PulseConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			TickLog log = context.getBean(TickLog.class);
			await().atMost(WAIT).until(() -> log.count("pulse") >= 3);
			assertThat(log.ticks("pulse")).allSatisfy((tick) -> assertThat(tick).isSameAs(Beat.BEAT));
		});
	}

	@Test
	void periodicOnAPrototypeActorBeanTicksForEachSpawnedActor() {
		this.contextRunner.withUserConfiguration(PrototypePulseConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			ActorFactory factory = context.getBean(ActorFactory.class);
			factory.spawn(Heart.class, "heart-1");
			factory.spawn(Heart.class, "heart-2");
			TickLog log = context.getBean(TickLog.class);
			await().atMost(WAIT).until(() -> log.count("heart-1") >= 2 && log.count("heart-2") >= 2);
		});
	}

	@Test
	void periodicWithARecordTickSendsTheOneInstanceMadeAtStartup() {
		this.contextRunner.withUserConfiguration(RecordTickConfiguration.class).run((context) -> {
			TickLog log = context.getBean(TickLog.class);
			await().atMost(WAIT).until(() -> log.count("recorder") >= 3);
			List<Object> ticks = log.ticks("recorder");
			assertThat(ticks).allSatisfy((tick) -> assertThat(tick).isSameAs(ticks.get(0)));
			assertThat(Refresh.made).hasValue(1);
		});
	}

	@Test
	void periodicIntervalResolvesPlaceholdersFromProperties() {
		this.contextRunner.withUserConfiguration(PlaceholderConfiguration.class)
			.withPropertyValues("test.pulse.interval=50ms")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				TickLog log = context.getBean(TickLog.class);
				await().atMost(WAIT).until(() -> log.count("configured") >= 3);
			});
	}

	@Test
	void periodicIntervalPlaceholderWithoutPropertyTakesItsDefault() {
		this.contextRunner.withUserConfiguration(PlaceholderWithDefaultConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			TickLog log = context.getBean(TickLog.class);
			await().atMost(WAIT).until(() -> log.count("defaulted") >= 3);
		});
	}

	@Test
	void periodicTimerIsKeyedByTheMessageClassSoAHandlerCanCancelIt() {
		this.contextRunner.withUserConfiguration(CancellingConfiguration.class).run((context) -> {
			TickLog log = context.getBean(TickLog.class);
			Bridge bridge = context.getBean(Bridge.class);
			ActorRef canceller = context.getBean(ActorSystem.class).lookup("canceller").orElseThrow();
			await().atMost(WAIT).until(() -> log.count("canceller") >= 1);
			assertThat(log.ticks("canceller").get(0)).as("the timer was active under the key Beat.class")
				.isEqualTo(Boolean.TRUE);
			assertThat(bridge.<Boolean>call(canceller, new IsActive(), WAIT)).isFalse();
		});
	}

	@Test
	void periodicAsAMetaAnnotationTicks() {
		this.contextRunner.withUserConfiguration(MetaAnnotatedConfiguration.class).run((context) -> {
			TickLog log = context.getBean(TickLog.class);
			await().atMost(WAIT).until(() -> log.count("composed") >= 3);
		});
	}

	@Test
	void periodicDeclaredOnASuperclassTicks() {
		this.contextRunner.withUserConfiguration(InheritedConfiguration.class).run((context) -> {
			TickLog log = context.getBean(TickLog.class);
			await().atMost(WAIT).until(() -> log.count("inheritor") >= 3);
		});
	}

	@Test
	void periodicOnTwoHandlersStartsTwoTimers() {
		this.contextRunner.withUserConfiguration(TwoTimersConfiguration.class).run((context) -> {
			TickLog log = context.getBean(TickLog.class);
			await().atMost(WAIT)
				.until(() -> log.ticks("twice").contains(Beat.BEAT)
						&& log.ticks("twice").stream().anyMatch(Refresh.class::isInstance));
		});
	}

	@Test
	void periodicOnAMethodThatIsNotAHandlerShouldFailNamingTheBean() {
		this.contextRunner.withUserConfiguration(NotAHandlerConfiguration.class)
			.run((context) -> assertInvalid(context, "notAHandler", NotAHandler.class, "beat(Beat)",
					"only @Handles methods may be annotated with @Periodic"));
	}

	@Test
	void periodicWhenMessageEnumHasSeveralConstantsShouldFailNamingTheBean() {
		this.contextRunner.withUserConfiguration(SeveralConstantsConfiguration.class)
			.run((context) -> assertInvalid(context, "indecisive", Indecisive.class, "onColour(Colour)",
					"is an enum with 2 constants, not one"));
	}

	@Test
	void periodicWhenMessageClassHasNoNoArgConstructorShouldFailNamingTheBean() {
		this.contextRunner.withUserConfiguration(NoNoArgConstructorConfiguration.class)
			.run((context) -> assertInvalid(context, "demanding", Demanding.class, "onDelay(Delay)",
					"has no no-arg constructor"));
	}

	@Test
	void periodicWhenMessageClassIsAnInterfaceShouldFailNamingTheBean() {
		this.contextRunner.withUserConfiguration(InterfaceMessageConfiguration.class)
			.run((context) -> assertInvalid(context, "abstracted", Abstracted.class, "onSignal(Signal)",
					"is an interface and cannot be instantiated"));
	}

	@Test
	void periodicWhenMessageClassIsAnInnerClassShouldFailNamingTheBean() {
		this.contextRunner.withUserConfiguration(InnerClassMessageConfiguration.class)
			.run((context) -> assertInvalid(context, "enclosing", Enclosing.class, "onInner(Inner)",
					"is an inner class"));
	}

	@Test
	void periodicWhenMessageConstructorThrowsShouldFailNamingTheBean() {
		this.contextRunner.withUserConfiguration(ThrowingConstructorConfiguration.class)
			.run((context) -> assertInvalid(context, "unlucky", Unlucky.class, "onBroken(Broken)",
					"the no-arg constructor of message class " + Broken.class.getName() + " threw"));
	}

	@ParameterizedTest(name = "interval \"{0}\"")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			soon                  | is not a duration
			5 seconds             | is not a duration
			0s                    | is not positive
			-1s                   | is not positive
			""                    | is empty
			${test.missing}       | cannot be resolved
			${test.interval}      | '0ms' (from '${test.bad.interval}') is not positive
			""")
	void periodicWhenIntervalIsInvalidShouldFailNamingTheBean(String interval, String rule) {
		this.contextRunner.withUserConfiguration(ConfigurableIntervalConfiguration.class)
			.withPropertyValues("test.bad.interval=" + interval, "test.interval=0ms")
			.run((context) -> assertInvalid(context, "misconfigured", Misconfigured.class, "onBeat(Beat)", "interval",
					rule));
	}

	@Test
	void periodicOnAPrototypeActorBeanWhenInvalidShouldFailStartupBeforeAnySpawn() {
		this.contextRunner.withUserConfiguration(InvalidPrototypeConfiguration.class)
			.run((context) -> assertInvalid(context, "invalidHeart", Indecisive.class, "onColour(Colour)",
					"is an enum with 2 constants"));
	}

	private static void assertInvalid(AssertableApplicationContext context, String beanName, Class<?> beanClass,
			String method, String... rule) {
		assertThat(context).hasFailed();
		Throwable failure = context.getStartupFailure();
		InvalidPeriodicMethodException invalid = findCause(failure, InvalidPeriodicMethodException.class);
		assertThat(invalid).as("InvalidPeriodicMethodException in the chain of %s", failure).isNotNull();
		assertThat(invalid.getBeanName()).isEqualTo(beanName);
		assertThat(invalid.getMessage()).startsWith("Invalid @Periodic method '" + method + "' on ")
			.contains("'" + beanName + "'")
			.contains(beanClass.getName())
			.contains(rule);
		FailureAnalysis analysis = FailureAnalyses.analyze(failure);
		assertThat(analysis).as(FailureAnalyses.describe(analysis)).isNotNull();
		assertThat(analysis.getDescription()).contains("Actor bean '" + beanName + "'")
			.contains(method)
			.contains(beanClass.getName());
		assertThat(analysis.getAction()).contains("@Periodic", "@Handles", "no-arg constructor", "5s");
	}

	private static <T extends Throwable> @Nullable T findCause(@Nullable Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	/** What the actors of these tests were sent, by actor name. */
	static class TickLog {

		private final Map<String, Queue<Object>> ticks = new ConcurrentHashMap<>();

		void record(ActorContext context, Object tick) {
			String actor = context.self().name();
			this.ticks.computeIfAbsent(actor, (key) -> new ConcurrentLinkedQueue<>()).add(tick);
		}

		int count(String actor) {
			return ticks(actor).size();
		}

		List<Object> ticks(String actor) {
			return List.copyOf(this.ticks.getOrDefault(actor, new ConcurrentLinkedQueue<>()));
		}

	}

	/** The most natural tick: an enum with one constant. */
	enum Beat {

		BEAT

	}

	/** A record tick, made with its no-arg constructor. */
	record Refresh() {

		static final AtomicInteger made = new AtomicInteger();

		Refresh {
			made.incrementAndGet();
		}

	}

	record IsActive() {
	}

	static class Pulse {

		private final TickLog log;

		Pulse(TickLog log) {
			this.log = log;
		}

		@Periodic(interval = "50ms")
		@Handles
		void onBeat(Beat beat, ActorContext context) {
			this.log.record(context, beat);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PulseConfiguration {

		@Bean
		@Actor
		Pulse pulse(TickLog log) {
			return new Pulse(log);
		}

	}

	static class Heart extends Pulse {

		Heart(TickLog log) {
			super(log);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PrototypePulseConfiguration {

		@Bean
		@Scope("prototype")
		@Actor
		Heart heart(TickLog log) {
			return new Heart(log);
		}

	}

	static class Recorder {

		private final TickLog log;

		Recorder(TickLog log) {
			this.log = log;
		}

		@Periodic(interval = "PT0.05S")
		@Handles
		void onRefresh(Refresh refresh, ActorContext context) {
			this.log.record(context, refresh);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordTickConfiguration {

		@Bean
		@Actor
		Recorder recorder(TickLog log) {
			Refresh.made.set(0);
			return new Recorder(log);
		}

	}

	static class Configured {

		private final TickLog log;

		Configured(TickLog log) {
			this.log = log;
		}

		@Periodic(interval = "${test.pulse.interval}")
		@Handles
		void onBeat(Beat beat, ActorContext context) {
			this.log.record(context, beat);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PlaceholderConfiguration {

		@Bean
		@Actor
		Configured configured(TickLog log) {
			return new Configured(log);
		}

	}

	static class Defaulted {

		private final TickLog log;

		Defaulted(TickLog log) {
			this.log = log;
		}

		@Periodic(interval = "${test.no.such.interval:50}")
		@Handles
		void onBeat(Beat beat, ActorContext context) {
			this.log.record(context, beat);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PlaceholderWithDefaultConfiguration {

		@Bean
		@Actor
		Defaulted defaulted(TickLog log) {
			return new Defaulted(log);
		}

	}

	static class Canceller {

		private final TickLog log;

		Canceller(TickLog log) {
			this.log = log;
		}

		@Periodic(interval = "50ms")
		@Handles
		void onBeat(Beat beat, ActorContext context) {
			this.log.record(context, context.timers().isActive(Beat.class));
			context.timers().cancel(Beat.class);
		}

		@Handles
		Boolean onIsActive(IsActive request, ActorContext context) {
			return context.timers().isActive(Beat.class);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CancellingConfiguration {

		@Bean
		@Actor
		Canceller canceller(TickLog log) {
			return new Canceller(log);
		}

	}

	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@Periodic(interval = "50ms")
	@interface Fast {

	}

	static class Composed {

		private final TickLog log;

		Composed(TickLog log) {
			this.log = log;
		}

		@Fast
		@Handles
		void onBeat(Beat beat, ActorContext context) {
			this.log.record(context, beat);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MetaAnnotatedConfiguration {

		@Bean
		@Actor
		Composed composed(TickLog log) {
			return new Composed(log);
		}

	}

	static class Inheritor extends Pulse {

		Inheritor(TickLog log) {
			super(log);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class InheritedConfiguration {

		@Bean
		@Actor
		Inheritor inheritor(TickLog log) {
			return new Inheritor(log);
		}

	}

	static class Twice {

		private final TickLog log;

		Twice(TickLog log) {
			this.log = log;
		}

		@Periodic(interval = "50ms")
		@Handles
		void onBeat(Beat beat, ActorContext context) {
			this.log.record(context, beat);
		}

		@Periodic(interval = "70ms")
		@Handles(Refresh.class)
		void onRefresh(Object refresh, ActorContext context) {
			this.log.record(context, refresh);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoTimersConfiguration {

		@Bean
		@Actor
		Twice twice(TickLog log) {
			return new Twice(log);
		}

	}

	static class NotAHandler {

		@Periodic(interval = "1s")
		void beat(Beat beat) {
		}

		@Handles
		void onText(String text) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NotAHandlerConfiguration {

		@Bean
		@Actor
		NotAHandler notAHandler() {
			return new NotAHandler();
		}

	}

	enum Colour {

		RED, GREEN

	}

	static class Indecisive {

		@Periodic(interval = "1s")
		@Handles
		void onColour(Colour colour) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SeveralConstantsConfiguration {

		@Bean
		@Actor
		Indecisive indecisive() {
			return new Indecisive();
		}

	}

	record Delay(Duration duration) {
	}

	static class Demanding {

		@Periodic(interval = "1s")
		@Handles
		void onDelay(Delay delay) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NoNoArgConstructorConfiguration {

		@Bean
		@Actor
		Demanding demanding() {
			return new Demanding();
		}

	}

	interface Signal {

	}

	static class Abstracted {

		@Periodic(interval = "1s")
		@Handles
		void onSignal(Signal signal) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class InterfaceMessageConfiguration {

		@Bean
		@Actor
		Abstracted abstracted() {
			return new Abstracted();
		}

	}

	static class Enclosing {

		@Periodic(interval = "1s")
		@Handles
		void onInner(Inner inner) {
		}

		class Inner {

		}

	}

	@Configuration(proxyBeanMethods = false)
	static class InnerClassMessageConfiguration {

		@Bean
		@Actor
		Enclosing enclosing() {
			return new Enclosing();
		}

	}

	static final class Broken {

		Broken() {
			throw new IllegalStateException("no ticks today");
		}

	}

	static class Unlucky {

		@Periodic(interval = "1s")
		@Handles
		void onBroken(Broken broken) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ThrowingConstructorConfiguration {

		@Bean
		@Actor
		Unlucky unlucky() {
			return new Unlucky();
		}

	}

	static class Misconfigured {

		@Periodic(interval = "${test.bad.interval}")
		@Handles
		void onBeat(Beat beat) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ConfigurableIntervalConfiguration {

		@Bean
		@Actor
		Misconfigured misconfigured() {
			return new Misconfigured();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class InvalidPrototypeConfiguration {

		@Bean
		@Scope("prototype")
		@Actor
		Indecisive invalidHeart() {
			return new Indecisive();
		}

	}

}
