package io.actorbeans.boot.test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.test.TestProbe;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @TestProbeBean} replaces an actor bean's {@code ActorRef} bean with a probe that
 * the other actor beans get; the actor bean itself is not spawned; and the probe is
 * closed after each test, so that the next test starts with a fresh one.
 */
@ActorTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(30)
class TestProbeBeanTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	/** The probe's actor in the first test. */
	private static final AtomicReference<ActorRef> firstActor = new AtomicReference<>();

	@TestProbeBean("recorder")
	TestProbe recorder;

	@Autowired
	@Qualifier("recorder")
	ActorRef recorderRef;

	@Autowired
	@Qualifier("relay")
	ActorRef relay;

	@Autowired
	ActorSystem system;

	@Test
	@Order(1)
	void otherActorBeansSendToTheProbeInsteadOfTheActor() {
		assertThat(this.recorderRef).isSameAs(this.recorder);
		this.relay.send(21);
		assertThat(this.recorder.expectMessage(Integer.class, TIMEOUT)).isEqualTo(42);
		assertThat(this.recorder.lastSender()).isEqualTo(this.relay);
		this.recorder.reply("thanks");
		// the probe's actor has the actor bean's name: the actor bean was not spawned
		assertThat(this.system.lookup("recorder")).contains(this.recorder.ref());
		firstActor.set(this.recorder.ref());
		// left behind for the next test, which must not see it
		this.relay.send(1);
	}

	@Test
	@Order(2)
	void theNextTestGetsAFreshProbe() {
		assertThat(firstActor.get()).isNotNull();
		this.recorder.expectNoMessage(Duration.ofMillis(100));
		assertThat(this.recorder.ref()).isNotEqualTo(firstActor.get());
		this.relay.send(5);
		assertThat(this.recorder.expectMessage(Integer.class, TIMEOUT)).isEqualTo(10);
	}

}
