package io.actorbeans.boot.test;

import java.time.Duration;
import java.util.List;

import io.actorbeans.ActorRef;
import io.actorbeans.ActorScheduler;
import io.actorbeans.ActorSystem;
import io.actorbeans.Bridge;
import io.actorbeans.boot.test.app.NotAnActor;
import io.actorbeans.boot.test.app.RecorderConfiguration.Recorded;
import io.actorbeans.test.VirtualTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @ActorTest} starts the actor system and the actor beans found by scanning
 * (components, configuration classes with an {@code @Actor @Bean} method), with the
 * settings customizers, and nothing else; without virtual time, the system keeps its own
 * scheduler.
 */
@ActorTest(properties = "actorbeans.name=sliced")
@Timeout(30)
class ActorTestTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@Autowired
	ApplicationContext context;

	@Autowired
	ActorSystem system;

	@Autowired
	Bridge bridge;

	@Autowired
	@Qualifier("greeter")
	ActorRef greeter;

	@Autowired
	@Qualifier("relay")
	ActorRef relay;

	@Autowired
	@Qualifier("recorder")
	ActorRef recorder;

	@Test
	void actorBeansFromComponentsAndFromBeanMethodsRun() {
		assertThat(this.bridge.<String>call(this.greeter, "Ada", TIMEOUT)).isEqualTo("Hello, Ada");
		this.relay.send(21);
		assertThat(awaitRecorded()).contains(42);
		assertThat(this.system.lookup("recorder")).contains(this.recorder);
	}

	@Test
	void onlyTheActorBeansTheCustomizersAndTheActorAutoConfigurationAreInTheContext() {
		assertThat(this.context.getBeanNamesForType(NotAnActor.class)).isEmpty();
		assertThat(this.context.containsBean("dispatcherServlet")).isFalse();
		assertThat(this.context.getBeanNamesForType(VirtualTime.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(ActorScheduler.class)).isEmpty();
		assertThat(this.system.settings().throughput()).isEqualTo(7);
		assertThat(this.system.name()).isEqualTo("sliced");
	}

	private List<Object> awaitRecorded() {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		List<Object> recorded = this.bridge.call(this.recorder, new Recorded(), TIMEOUT);
		while (recorded.isEmpty() && System.nanoTime() < deadline) {
			Thread.onSpinWait();
			recorded = this.bridge.call(this.recorder, new Recorded(), TIMEOUT);
		}
		return recorded;
	}

}
