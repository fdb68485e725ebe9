package io.actorbeans.boot.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.actorbeans.ActorRef;
import io.actorbeans.boot.test.app.Asker.Ask;
import io.actorbeans.test.TestProbe;
import io.actorbeans.test.VirtualTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @ActorTest(virtualTime = true)}: {@code @Periodic} ticks and ask timeouts of
 * actor beans come when the test advances the {@link VirtualTime} bean, and never
 * otherwise. On the calling-thread dispatcher, each comes before {@code advance} returns.
 */
@ActorTest(virtualTime = true, properties = "actorbeans.dispatcher.type=calling-thread")
@Timeout(30)
class VirtualTimeActorTestTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@Autowired
	VirtualTime time;

	@TestProbeBean("recorder")
	TestProbe recorder;

	@TestProbeBean("greeter")
	TestProbe greeter;

	@Autowired
	@Qualifier("asker")
	ActorRef asker;

	@Test
	void periodicTicksComeOnlyWhenTheTimeIsAdvanced() {
		// the context, and its time, may have served the other test already
		Duration sinceLastTick = Duration.ofSeconds(this.time.now().toSeconds() % 10);
		this.time.advance(Duration.ofSeconds(9).minus(sinceLastTick));
		this.recorder.expectNoMessage(Duration.ofMillis(100));
		this.time.advance(Duration.ofSeconds(1));
		int tick = tickNumber(this.recorder.expectMessage(String.class, TIMEOUT));
		this.recorder.expectNoMessage(Duration.ofMillis(100));
		this.time.advance(Duration.ofSeconds(10));
		assertThat(tickNumber(this.recorder.expectMessage(String.class, TIMEOUT))).isEqualTo(tick + 1);
	}

	@Test
	void anAskBetweenActorBeansTimesOutInVirtualTime() {
		this.asker.send(new Ask("Ada"));
		// the greeter is a probe that never answers
		this.greeter.expectMessage("Ada", TIMEOUT);
		this.time.advance(Duration.ofSeconds(29));
		assertThat(messagesBesidesTicks()).isEmpty();
		this.time.advance(Duration.ofSeconds(1));
		assertThat(messagesBesidesTicks()).containsExactly("timed out");
	}

	/** What the recorder received, within a moment, other than the ticker's ticks. */
	private List<String> messagesBesidesTicks() {
		List<String> others = new ArrayList<>();
		try {
			for (;;) {
				String message = this.recorder.expectMessage(String.class, Duration.ofMillis(200));
				if (!message.startsWith("tick ")) {
					others.add(message);
				}
			}
		}
		catch (AssertionError noMoreMessages) {
			return others;
		}
	}

	private static int tickNumber(String tick) {
		assertThat(tick).startsWith("tick ");
		return Integer.parseInt(tick.substring("tick ".length()));
	}

}
