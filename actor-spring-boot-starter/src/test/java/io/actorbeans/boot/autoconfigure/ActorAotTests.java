package io.actorbeans.boot.autoconfigure;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.actorbeans.ActorRef;
import io.actorbeans.Bridge;
import io.actorbeans.Handles;
import io.actorbeans.boot.Actor;
import io.actorbeans.boot.ActorFactory;
import io.actorbeans.boot.Periodic;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.annotation.RegisterReflection;
import org.springframework.aot.hint.predicate.ReflectionHintsPredicates;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the starter under ahead-of-time processing, as Spring Boot tests its own
 * auto-configurations: the runtime hints of actor beans, and an application context
 * refreshed from the generated code.
 */
class ActorAotTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@Test
	void runtimeHintsAreRegisteredForHandlersAndPeriodicTicks() throws NoSuchMethodException {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.register(ReporterConfiguration.class, ActorAutoConfiguration.class);
			TestGenerationContext generationContext = new TestGenerationContext();
			new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
			RuntimeHints hints = generationContext.getRuntimeHints();
			ReflectionHintsPredicates reflection = RuntimeHintsPredicates.reflection();
			assertThat(reflection.onMethodInvocation(Reporter.class, "onReport")).accepts(hints);
			assertThat(reflection.onMethodInvocation(Reporter.class, "onFlush")).accepts(hints);
			assertThat(reflection.onMethodInvocation(Reporter.class, "onSample")).accepts(hints);
			assertThat(reflection.onMethodInvocation(BaseReporter.class, "onPing")).accepts(hints);
			assertThat(reflection.onMethodInvocation(Flush.class, "values")).accepts(hints);
			assertThat(reflection.onConstructorInvocation(Sample.class.getDeclaredConstructor())).accepts(hints);
			assertThat(reflection.onMethodInvocation(BaseReporter.class, "notAHandler")).rejects(hints);
			// the class of the confinement guard, generated ahead of time
			assertThat(reflection.onType(TypeReference.of(Reporter.class.getName() + "$$SpringCGLIB$$0")))
				.accepts(hints);
		}
	}

	@Test
	void noRuntimeHintsForBeansThatAreNotActors() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.register(PlainReporterConfiguration.class, ActorAutoConfiguration.class);
			TestGenerationContext generationContext = new TestGenerationContext();
			new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
			assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Reporter.class, "onReport"))
				.rejects(generationContext.getRuntimeHints());
		}
	}

	@Test
	void registerReflectionAsTheReadmeShowsGivesAHandSpawnedBehaviourItsHints() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.register(HandSpawningConfiguration.class, ActorAutoConfiguration.class);
			TestGenerationContext generationContext = new TestGenerationContext();
			new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
			RuntimeHints hints = generationContext.getRuntimeHints();
			assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Reporter.class, "onReport"))
				.accepts(hints);
			assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(BaseReporter.class, "onPing"))
				.accepts(hints);
		}
	}

	@Test
	@CompileWithForkedClassLoader
	@SuppressWarnings("unchecked")
	void generatedContextSpawnsTheActorsAndConfinesTheirBeans() {
		TestGenerationContext generationContext = new TestGenerationContext();
		ClassName className;
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.register(GreeterConfiguration.class, ActorAutoConfiguration.class);
			className = new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
		}
		generationContext.writeGeneratedContent();
		TestCompiler.forSystem().with(generationContext).compile((compiled) -> {
			GenericApplicationContext generated = new GenericApplicationContext();
			// as in a Spring Boot application: a second registration would fail
			generated.setAllowBeanDefinitionOverriding(false);
			compiled.getInstance(ApplicationContextInitializer.class, className.toString()).initialize(generated);
			generated.refresh();
			try {
				Bridge bridge = generated.getBean(Bridge.class);
				ActorRef greeter = generated.getBean(GreeterClient.class).greeter();
				assertThat(greeter.name()).isEqualTo("greeter");
				assertThat(bridge.<String>call(greeter, "Ada", TIMEOUT)).isEqualTo("Hello, Ada");
				assertThat(generated.getBean(ActorDeclarations.class).all()).extracting(ActorDeclaration::beanName)
					.containsExactlyInAnyOrder("greeter", "counter", "ticker");
				ActorRef counter = generated.getBean(ActorFactory.class).spawn(Counter.class, "counter-1");
				assertThat(bridge.<Integer>call(counter, new Increment(), TIMEOUT)).isEqualTo(1);
				assertThat(bridge.<Integer>call(counter, new Increment(), TIMEOUT)).isEqualTo(2);
				CountDownLatch ticks = generated.getBean(Ticks.class).received;
				await().atMost(TIMEOUT).until(() -> ticks.getCount() == 0);
				ObjectProvider<Greeter> intruder = generated.getBean(Intruder.class).greeters;
				assertThatExceptionOfType(ActorConfinementException.class).isThrownBy(intruder::getIfAvailable)
					.withMessageContaining("'greeter'");
			}
			finally {
				generated.close();
			}
		});
	}

	enum Flush {

		TICK

	}

	static final class Sample {

		private Sample() {
		}

	}

	static class BaseReporter {

		@Handles
		private String onPing(String ping) {
			return ping;
		}

		String notAHandler(String text) {
			return text;
		}

	}

	static class Reporter extends BaseReporter {

		@Handles
		Integer onReport(Integer report) {
			return report;
		}

		@Periodic(interval = "1h")
		@Handles
		void onFlush(Flush tick) {
		}

		@Periodic(interval = "1h")
		@Handles(Sample.class)
		void onSample() {
		}

		void notAHandler(Long value) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReporterConfiguration {

		@Bean
		@Actor
		Reporter reporter() {
			return new Reporter();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PlainReporterConfiguration {

		@Bean
		Reporter reporter() {
			return new Reporter();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@RegisterReflection(classes = { Reporter.class, BaseReporter.class },
			memberCategories = MemberCategory.INVOKE_DECLARED_METHODS)
	static class HandSpawningConfiguration {

	}

	static class GreetingService {

		String greet(String name) {
			return "Hello, " + name;
		}

	}

	static class Greeter {

		private final GreetingService service;

		Greeter(GreetingService service) {
			this.service = service;
		}

		@Handles
		String greet(String name) {
			return this.service.greet(name);
		}

	}

	record Increment() {
	}

	static class Counter {

		private int value;

		@Handles
		Integer increment(Increment increment) {
			return ++this.value;
		}

	}

	record GreeterClient(ActorRef greeter) {
	}

	static class Ticks {

		final CountDownLatch received = new CountDownLatch(2);

	}

	static class Ticker {

		private final Ticks ticks;

		Ticker(Ticks ticks) {
			this.ticks = ticks;
		}

		@Periodic(interval = "20ms")
		@Handles
		void onTick(Flush tick) {
			this.ticks.received.countDown();
		}

	}

	static class Intruder {

		@Autowired
		ObjectProvider<Greeter> greeters;

	}

	@Configuration(proxyBeanMethods = false)
	static class GreeterConfiguration {

		@Bean
		GreetingService greetingService() {
			return new GreetingService();
		}

		@Bean
		@Actor
		Greeter greeter(GreetingService service) {
			return new Greeter(service);
		}

		@Bean
		@Actor
		@Scope("prototype")
		Counter counter() {
			return new Counter();
		}

		@Bean
		Ticks ticks() {
			return new Ticks();
		}

		@Bean
		@Actor
		Ticker ticker(Ticks ticks) {
			return new Ticker(ticks);
		}

		@Bean
		GreeterClient greeterClient(@Qualifier("greeter") ActorRef greeter) {
			return new GreeterClient(greeter);
		}

		@Bean
		Intruder intruder() {
			return new Intruder();
		}

	}

}
