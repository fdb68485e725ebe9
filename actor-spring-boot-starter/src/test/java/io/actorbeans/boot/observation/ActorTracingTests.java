package io.actorbeans.boot.observation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.actorbeans.ActorRef;
import io.actorbeans.Bridge;
import io.actorbeans.Handles;
import io.actorbeans.boot.ActorComponent;
import io.actorbeans.boot.autoconfigure.ActorAutoConfiguration;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.annotation.Observed;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With context propagation and observations on, a call from a caller's span through the
 * Bridge to actor A, which sends to actor B, is one trace whose spans nest in that order;
 * the caller's security context reaches the handlers; {@code @Observed} on a handler of a
 * proxied actor bean nests under the handler's span; and nothing reaches a later message
 * sent without a context.
 */
@Timeout(60)
class ActorTracingTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
				MicrometerTracingAutoConfiguration.class, AopAutoConfiguration.class, ActorAutoConfiguration.class,
				ActorContextPropagationAutoConfiguration.class, ActorObservationAutoConfiguration.class))
		.withUserConfiguration(TracedActors.class)
		.withPropertyValues("actorbeans.propagate-context=true", "actorbeans.observations.enabled=true",
				"management.observations.annotations.enabled=true");

	@AfterEach
	void clearSecurityContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void callerBridgeFrontAndBackMakeOneTraceWithNestedSpans() {
		this.contextRunner.run((context) -> {
			SimpleTracer tracer = context.getBean(SimpleTracer.class);
			Bridge bridge = context.getBean(Bridge.class);
			ActorRef front = actor(context, "front");
			Observation request = Observation.start("http.server.requests", context.getBean(ObservationRegistry.class));
			try (Observation.Scope scope = request.openScope()) {
				assertThat(bridge.<String>call(front, new Order("apples"), TIMEOUT)).isEqualTo("accepted apples");
			}
			finally {
				request.stop();
			}
			Seen seen = context.getBean(Witness.class).next();
			await().atMost(TIMEOUT).until(() -> tracer.getSpans().size() >= 5);
			SimpleSpan caller = span(tracer, "http.server.requests");
			SimpleSpan call = span(tracer, "call front");
			SimpleSpan processOrder = span(tracer, "process Order");
			SimpleSpan processShipment = span(tracer, "process Shipment");
			SimpleSpan ship = span(tracer, "ship");
			assertThat(List.of(call, processOrder, processShipment, ship))
				.allSatisfy((span) -> assertThat(span.getTraceId()).isEqualTo(caller.getTraceId()));
			assertThat(call.getParentId()).isEqualTo(caller.getSpanId());
			assertThat(processOrder.getParentId()).isEqualTo(call.getSpanId());
			assertThat(processShipment.getParentId()).isEqualTo(processOrder.getSpanId());
			assertThat(ship.getParentId()).isEqualTo(processShipment.getSpanId());
			assertThat(seen.spanId()).isEqualTo(ship.getSpanId());
		});
	}

	@Test
	void theCallersSecurityContextReachesBothHandlersAndNoLaterMessage() {
		this.contextRunner.run((context) -> {
			Bridge bridge = context.getBean(Bridge.class);
			ActorRef front = actor(context, "front");
			Witness witness = context.getBean(Witness.class);
			SecurityContextHolder.getContext()
				.setAuthentication(new TestingAuthenticationToken("ops", "secret", "ROLE_OPS"));
			assertThat(bridge.<String>call(front, new Order("pears"), TIMEOUT)).isEqualTo("accepted pears");
			Seen first = witness.next();
			assertThat(first.user()).isEqualTo("ops");
			assertThat(first.frontUser()).isEqualTo("ops");
			SecurityContextHolder.clearContext();
			assertThat(bridge.<String>call(front, new Order("plums"), TIMEOUT)).isEqualTo("accepted plums");
			Seen second = witness.next();
			assertThat(second.user()).isNull();
			assertThat(second.frontUser()).isNull();
		});
	}

	@Test
	void aMessageSentWithoutATraceStartsANewOneAndInheritsNoSpan() {
		this.contextRunner.run((context) -> {
			SimpleTracer tracer = context.getBean(SimpleTracer.class);
			ActorRef back = actor(context, "back");
			Witness witness = context.getBean(Witness.class);
			ObservationRegistry registry = context.getBean(ObservationRegistry.class);
			Observation traced = Observation.start("traced", registry);
			try (Observation.Scope scope = traced.openScope()) {
				back.send(new Shipment("figs", "ops"));
			}
			finally {
				traced.stop();
			}
			Seen tracedSeen = witness.next();
			back.send(new Shipment("kiwis", null));
			Seen untraced = witness.next();
			assertThat(untraced.traceId()).isNotEqualTo(tracedSeen.traceId());
			await().atMost(TIMEOUT).until(() -> tracer.getSpans().size() >= 5);
			List<SimpleSpan> processes = tracer.getSpans()
				.stream()
				.filter((span) -> span.getName().equals("process Shipment"))
				.toList();
			assertThat(processes).hasSize(2);
			assertThat(processes).filteredOn((span) -> span.getTraceId().equals(untraced.traceId()))
				.singleElement()
				.satisfies((span) -> assertThat(span.getParentId()).isNullOrEmpty());
		});
	}

	private static ActorRef actor(ApplicationContext context, String name) {
		return BeanFactoryAnnotationUtils.qualifiedBeanOfType(context.getAutowireCapableBeanFactory(), ActorRef.class,
				name);
	}

	private static SimpleSpan span(SimpleTracer tracer, String name) {
		return tracer.getSpans()
			.stream()
			.filter((span) -> name.equals(span.getName()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No span '" + name + "' in " + tracer.getSpans()));
	}

	private static @Nullable String currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null) ? authentication.getName() : null;
	}

	record Order(String item) {
	}

	record Shipment(String item, @Nullable String frontUser) {
	}

	record Seen(@Nullable String user, @Nullable String frontUser, String traceId, String spanId) {
	}

	/** What the back actor saw, for the test thread. */
	static class Witness {

		private final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();

		void saw(Seen seen) {
			this.seen.add(seen);
		}

		Seen next() throws InterruptedException {
			Seen next = this.seen.poll(5, TimeUnit.SECONDS);
			assertThat(next).as("a shipment seen by the back actor").isNotNull();
			return next;
		}

	}

	@ActorComponent("front")
	static class Front {

		private final ActorRef back;

		Front(@Qualifier("back") ActorRef back) {
			this.back = back;
		}

		@Handles
		String onOrder(Order order) {
			this.back.send(new Shipment(order.item(), currentUser()));
			return "accepted " + order.item();
		}

	}

	@ActorComponent("back")
	static class Back {

		private final Witness witness;

		private final Tracer tracer;

		Back(Witness witness, Tracer tracer) {
			this.witness = witness;
			this.tracer = tracer;
		}

		@Handles
		@Observed(name = "shipping", contextualName = "ship")
		void onShipment(Shipment shipment) {
			Span span = this.tracer.currentSpan();
			assertThat(span).isNotNull();
			this.witness
				.saw(new Seen(currentUser(), shipment.frontUser(), span.context().traceId(), span.context().spanId()));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import({ Front.class, Back.class })
	static class TracedActors {

		@Bean
		SimpleTracer simpleTracer() {
			return new SimpleTracer();
		}

		@Bean
		Witness witness() {
			return new Witness();
		}

	}

}
