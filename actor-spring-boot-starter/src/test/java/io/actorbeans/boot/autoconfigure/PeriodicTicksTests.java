package io.actorbeans.boot.autoconfigure;

import java.time.Duration;
import java.util.List;

import io.actorbeans.Handles;
import io.actorbeans.SpawnOptions;
import io.actorbeans.SpawnOptions.PeriodicTimer;
import io.actorbeans.boot.Periodic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PeriodicTicks}: how a class's {@link Periodic @Periodic} methods
 * become periodic timers.
 */
class PeriodicTicksTests {

	private final MockEnvironment environment = new MockEnvironment();

	private final PeriodicTicks ticks = new PeriodicTicks(this.environment);

	@ParameterizedTest(name = "\"{0}\" is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			500ms      | PT0.5S
			5s         | PT5S
			1m         | PT1M
			PT1M       | PT1M
			pt0.25s    | PT0.25S
			250        | PT0.25S
			' 2s '     | PT2S
			""")
	void intervalTakesTheDurationFormatsOfConfigurationProperties(String interval, Duration expected) {
		this.environment.setProperty("tick.interval", interval);
		assertThat(this.ticks.timersOf("configured", Configured.class))
			.containsExactly(new PeriodicTimer(Tick.class, Tick.INSTANCE, expected));
	}

	@Test
	void timerIsKeyedByTheMessageClassAndSendsTheEnumsOnlyConstant() {
		PeriodicTimer timer = this.ticks.timersOf("ticker", Ticker.class).get(0);
		assertThat(timer.key()).isEqualTo(Tick.class);
		assertThat(timer.message()).isSameAs(Tick.INSTANCE);
		assertThat(timer.interval()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void messageClassNamedByHandlesIsInstantiatedOnceAndShared() {
		List<PeriodicTimer> first = this.ticks.timersOf("first", Poller.class);
		List<PeriodicTimer> second = this.ticks.timersOf("second", Poller.class);
		assertThat(first).singleElement().satisfies((timer) -> {
			assertThat(timer.key()).isEqualTo(Poll.class);
			assertThat(timer.message()).isInstanceOf(Poll.class);
		});
		assertThat(second.get(0).message()).isSameAs(first.get(0).message());
	}

	@Test
	void placeholderDefaultIsUsedWhenThePropertyIsMissing() {
		assertThat(this.ticks.timersOf("defaulted", Defaulted.class).get(0).interval())
			.isEqualTo(Duration.ofMillis(1500));
	}

	@Test
	void applyAddsTheTimersToTheOptions() {
		SpawnOptions options = SpawnOptions.defaults().withMailboxCapacity(10);
		SpawnOptions applied = this.ticks.apply("ticker", Ticker.class, options);
		assertThat(applied.mailboxCapacity()).isEqualTo(10);
		assertThat(applied.periodicTimers())
			.containsExactly(new PeriodicTimer(Tick.class, Tick.INSTANCE, Duration.ofSeconds(5)));
	}

	@Test
	void classWithoutPeriodicMethodsAddsNothing() {
		SpawnOptions options = SpawnOptions.defaults();
		assertThat(this.ticks.apply("plain", Plain.class, options)).isSameAs(options);
		assertThat(this.ticks.apply("plain", Plain.class, options)).isSameAs(options);
	}

	@Test
	void invalidClassFailsForEachBeanUnderItsOwnName() {
		this.environment.setProperty("tick.interval", "never");
		assertThatExceptionOfType(InvalidPeriodicMethodException.class)
			.isThrownBy(() -> this.ticks.timersOf("one", Configured.class))
			.satisfies((ex) -> assertThat(ex.getBeanName()).isEqualTo("one"));
		assertThatExceptionOfType(InvalidPeriodicMethodException.class)
			.isThrownBy(() -> this.ticks.timersOf("two", Configured.class))
			.satisfies((ex) -> assertThat(ex.getBeanName()).isEqualTo("two"))
			.satisfies((ex) -> assertThat(ex.getMethod()).contains("onTick(")
				.contains(PeriodicTicksTests.class.getName()));
	}

	enum Tick {

		INSTANCE

	}

	static final class Poll {

		private Poll() {
		}

	}

	static class Ticker {

		@Periodic(interval = "5s")
		@Handles
		void onTick(Tick tick) {
		}

	}

	static class Configured {

		@Periodic(interval = "${tick.interval}")
		@Handles
		void onTick(Tick tick) {
		}

	}

	static class Poller {

		@Periodic(interval = "1s")
		@Handles(Poll.class)
		void onPoll() {
		}

	}

	static class Defaulted {

		@Periodic(interval = "${tick.missing:1500ms}")
		@Handles
		void onTick(Tick tick) {
		}

	}

	static class Plain {

		@Handles
		void onTick(Tick tick) {
		}

	}

}
