package io.actorbeans.boot.autoconfigure;

import java.util.concurrent.atomic.AtomicInteger;

import io.actorbeans.Handles;
import io.actorbeans.SpawnOptions.PeriodicTimer;
import io.actorbeans.boot.Periodic;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PeriodicTicks}: a singleton tick class (the shape of a Kotlin
 * {@code object}) is sent as its instance, never instantiated again through its private
 * constructor.
 */
class PeriodicSingletonTickTests {

	private final PeriodicTicks ticks = new PeriodicTicks(new MockEnvironment());

	@Test
	void singletonTickIsItsInstance() {
		int made = Heartbeat.made.get();
		assertThat(this.ticks.timersOf("monitor", Monitor.class)).singleElement()
			.satisfies((timer) -> assertThat(timer.message()).isSameAs(Heartbeat.INSTANCE));
		assertThat(Heartbeat.made).hasValue(made);
	}

	@Test
	void aStaticInstanceFieldOfAnotherTypeIsNoSingleton() {
		PeriodicTimer timer = this.ticks.timersOf("other", OtherMonitor.class).get(0);
		assertThat(timer.message()).isInstanceOf(NotASingleton.class).isNotSameAs(NotASingleton.INSTANCE);
	}

	static final class Heartbeat {

		static final AtomicInteger made = new AtomicInteger();

		public static final Heartbeat INSTANCE = new Heartbeat();

		private Heartbeat() {
			made.incrementAndGet();
		}

	}

	static final class NotASingleton {

		public static final Object INSTANCE = new NotASingleton();

	}

	static class Monitor {

		@Periodic(interval = "5s")
		@Handles
		void onHeartbeat(Heartbeat heartbeat) {
		}

	}

	static class OtherMonitor {

		@Periodic(interval = "5s")
		@Handles
		void onTick(NotASingleton tick) {
		}

	}

}
