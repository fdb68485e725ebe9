package io.actorbeans;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Behaviour switching: become, unbecome, validation of the new behaviour, and which
 * behaviour goes back to the factory.
 */
@Timeout(10)
class BecomeTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ActorSystem system = ActorSystem.create();

	private final Bridge bridge = this.system.bridge();

	@AfterEach
	void shutdown() {
		this.system.close();
	}

	@Test
	void aConnectionAlternatesBetweenItsDisconnectedAndConnectedHandlers() {
		ActorRef connection = this.system.spawn("connection", new Disconnected());
		assertThat(this.bridge.<String>call(connection, new Write("a"), TIMEOUT)).isEqualTo("not connected: a");
		assertThat(this.bridge.<String>call(connection, new Connect("db:1"), TIMEOUT)).isEqualTo("connected");
		assertThat(this.bridge.<String>call(connection, new Write("b"), TIMEOUT)).isEqualTo("db:1 <- b");
		assertThat(this.bridge.<String>call(connection, new Write("c"), TIMEOUT)).isEqualTo("db:1 <- c");
		assertThat(this.bridge.<String>call(connection, new Disconnect(), TIMEOUT)).isEqualTo("disconnected");
		assertThat(this.bridge.<String>call(connection, new Write("d"), TIMEOUT)).isEqualTo("not connected: d");
		assertThat(this.bridge.<String>call(connection, new Connect("db:2"), TIMEOUT)).isEqualTo("connected");
		assertThat(this.bridge.<String>call(connection, new Write("e"), TIMEOUT)).isEqualTo("db:2 <- e");
	}

	@Test
	void anInvalidBehaviourFailsTheHandlerNamingItsClassAndKeepsTheCurrentOne() {
		ActorRef actor = this.system.spawn("switcher", new Switcher());
		assertThatExceptionOfType(HandlerFailedException.class)
			.isThrownBy(() -> this.bridge.call(actor, new SwitchTo(new Invalid()), TIMEOUT))
			.withCauseInstanceOf(InvalidBehaviorException.class)
			.withMessageContaining(Invalid.class.getName())
			.withMessageContaining("onStatic");
		assertThat(this.bridge.<String>call(actor, "still", TIMEOUT)).isEqualTo("switcher: still");
	}

	@Test
	void unbecomeWithoutBecomeIsAnErrorNamingTheActor() {
		ActorRef actor = this.system.spawn("plain", new Switcher());
		assertThatExceptionOfType(HandlerFailedException.class)
			.isThrownBy(() -> this.bridge.call(actor, new Back(), TIMEOUT))
			.withCauseInstanceOf(IllegalStateException.class)
			.withMessageContaining("'plain' cannot unbecome");
	}

	@Test
	void becomeStacksSoEachUnbecomeReturnsOneStep() {
		ActorRef actor = this.system.spawn("stacked", new Switcher());
		this.bridge.call(actor, new SwitchTo(new Echo("one")), TIMEOUT);
		this.bridge.call(actor, new SwitchTo(new Echo("two")), TIMEOUT);
		assertThat(this.bridge.<String>call(actor, "x", TIMEOUT)).isEqualTo("two: x");
		this.bridge.call(actor, new Back(), TIMEOUT);
		assertThat(this.bridge.<String>call(actor, "x", TIMEOUT)).isEqualTo("one: x");
		this.bridge.call(actor, new Back(), TIMEOUT);
		assertThat(this.bridge.<String>call(actor, "x", TIMEOUT)).isEqualTo("switcher: x");
	}

	@Test
	void theFactoryGetsBackTheBehaviourItMadeNotTheOneSwitchedTo() {
		List<Object> destroyed = new ArrayList<>();
		Switcher made = new Switcher();
		ActorRef actor = this.system.spawn("made", new BehaviorFactory() {

			@Override
			public Object create() {
				return made;
			}

			@Override
			public void destroy(Object behavior) {
				destroyed.add(behavior);
			}

		}, SpawnOptions.defaults());
		this.bridge.call(actor, new SwitchTo(new Echo("other")), TIMEOUT);
		assertThat(this.bridge.stop(List.of(actor), TIMEOUT)).containsExactly(new Stopped("made"));
		assertThat(destroyed).containsExactly(made);
	}

	record Connect(String address) {
	}

	record Disconnect() {
	}

	record Write(String data) {
	}

	record SwitchTo(Object behavior) {
	}

	record Back() {
	}

	static class Disconnected {

		@Handles
		String onConnect(Connect connect, ActorContext context) {
			context.become(new Connected(connect.address()));
			return "connected";
		}

		@Handles
		String onWrite(Write write) {
			return "not connected: " + write.data();
		}

	}

	static class Connected {

		private final String address;

		Connected(String address) {
			this.address = address;
		}

		@Handles
		String onWrite(Write write) {
			return this.address + " <- " + write.data();
		}

		@Handles
		String onDisconnect(Disconnect disconnect, ActorContext context) {
			context.unbecome();
			return "disconnected";
		}

	}

	static class Switcher {

		@Handles
		String onSwitch(SwitchTo switchTo, ActorContext context) {
			context.become(switchTo.behavior());
			return "switched";
		}

		@Handles
		String onBack(Back back, ActorContext context) {
			context.unbecome();
			return "back";
		}

		@Handles
		String onString(String message) {
			return "switcher: " + message;
		}

	}

	static class Echo extends Switcher {

		private final String label;

		Echo(String label) {
			this.label = label;
		}

		@Override
		@Handles
		String onString(String message) {
			return this.label + ": " + message;
		}

	}

	static class Invalid {

		@Handles
		static void onStatic(String message) {
		}

	}

}
