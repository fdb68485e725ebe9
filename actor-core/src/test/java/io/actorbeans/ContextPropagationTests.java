package io.actorbeans;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A {@link ContextPropagator} carries a thread-local value from the sending thread to the
 * handler, on every path a message takes and on each dispatcher, and the value is gone
 * once the handler returns.
 */
@Timeout(30)
class ContextPropagationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	/** The context: what a trace or security context is to a real propagator. */
	private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

	private final CountingPropagator propagator = new CountingPropagator();

	private @Nullable ActorSystem system;

	@AfterEach
	void close() {
		if (this.system != null) {
			this.system.close();
		}
		CURRENT.remove();
	}

	@ParameterizedTest
	@EnumSource(Dispatcher.class)
	void aSendCarriesTheSendersContextAndTheNextMessageDoesNotSeeIt(Dispatcher dispatcher) throws Exception {
		ActorRef recorder = start(dispatcher).spawn("recorder", new Recorder());
		BlockingQueue<String> seen = new LinkedBlockingQueue<>();
		inContext("request-1", () -> recorder.send(new Record(seen)));
		recorder.send(new Record(seen));
		assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("request-1");
		assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("(none)");
		assertThat(this.propagator.openScopes).hasValue(0);
	}

	@ParameterizedTest
	@EnumSource(Dispatcher.class)
	void bridgeCallsAsksAndMultiCallsCarryTheCallersContext(Dispatcher dispatcher) throws Exception {
		ActorSystem system = start(dispatcher);
		ActorRef one = system.spawn("one", new Recorder());
		ActorRef two = system.spawn("two", new Recorder());
		Bridge bridge = system.bridge();
		CURRENT.set("caller");
		assertThat(bridge.<String>call(one, new WhatContext(), TIMEOUT)).isEqualTo("caller");
		assertThat(bridge.<String>ask(two, new WhatContext(), TIMEOUT).get(5, TimeUnit.SECONDS)).isEqualTo("caller");
		assertThat(bridge.multiCall(
				List.of(new Bridge.Request(one, new WhatContext()), new Bridge.Request(two, new WhatContext())),
				TIMEOUT, "timed out"))
			.containsExactly("caller", "caller");
		CURRENT.remove();
		assertThat(bridge.<String>call(one, new WhatContext(), TIMEOUT)).isEqualTo("(none)");
	}

	@ParameterizedTest
	@EnumSource(Dispatcher.class)
	void aReplyCarriesTheRepliersContext(Dispatcher dispatcher) throws Exception {
		ActorSystem system = start(dispatcher);
		ActorRef replier = system.spawn("replier", new Replier());
		ActorRef requester = system.spawn("requester", new Requester(replier));
		BlockingQueue<String> seen = new LinkedBlockingQueue<>();
		inContext("request-2", () -> requester.send(new Record(seen)));
		// the replier handles the request in the requester's context, and answers from a
		// context of its own, as a handler that starts a span of its own does
		assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("request-2/replier");
	}

	@ParameterizedTest
	@EnumSource(Dispatcher.class)
	void anAskFromAHandlerCarriesTheHandlersContext(Dispatcher dispatcher) throws Exception {
		ActorSystem system = start(dispatcher);
		ActorRef target = system.spawn("target", new Recorder());
		ActorRef asker = system.spawn("asker", new Asker(target));
		CURRENT.set("request-3");
		assertThat(system.bridge().<String>call(asker, new WhatContext(), TIMEOUT)).isEqualTo("request-3");
	}

	@ParameterizedTest
	@EnumSource(Dispatcher.class)
	void aPipedOutcomeCarriesTheContextOfTheHandlerThatPiped(Dispatcher dispatcher) throws Exception {
		ActorSystem system = start(dispatcher);
		CompletableFuture<String> future = new CompletableFuture<>();
		BlockingQueue<String> seen = new LinkedBlockingQueue<>();
		ActorRef piper = system.spawn("piper", new Piper(future, seen));
		inContext("request-4", () -> piper.send(new Pipe()));
		assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("piped");
		// completed from a thread with another context
		Thread completer = new Thread(() -> inContext("elsewhere", () -> future.complete("done")));
		completer.start();
		completer.join();
		assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("done in request-4");
	}

	@ParameterizedTest
	@EnumSource(Dispatcher.class)
	void timerTicksCarryTheContextOfTheHandlerThatStartedThem(Dispatcher dispatcher) throws Exception {
		ActorSystem system = start(dispatcher);
		BlockingQueue<String> seen = new LinkedBlockingQueue<>();
		ActorRef ticker = system.spawn("ticker", new Ticker(seen));
		inContext("request-5", () -> ticker.send(new StartTimers()));
		assertThat(List.of(seen.poll(5, TimeUnit.SECONDS), seen.poll(5, TimeUnit.SECONDS)))
			.containsExactlyInAnyOrder("single in request-5", "periodic in request-5");
	}

	@ParameterizedTest
	@EnumSource(Dispatcher.class)
	void aChildsSpawnTimersCarryTheContextOfTheHandlerThatSpawnedIt(Dispatcher dispatcher) throws Exception {
		ActorSystem system = start(dispatcher);
		BlockingQueue<String> seen = new LinkedBlockingQueue<>();
		ActorRef parent = system.spawn("parent", new Parent(seen));
		inContext("request-6", () -> parent.send(new SpawnChild()));
		assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("child tick in request-6");
	}

	@Test
	void withoutAPropagatorNothingIsCarried() throws Exception {
		this.system = ActorSystem.create(ActorSystemSettings.defaults().withName("no-propagation"));
		ActorRef recorder = this.system.spawn("recorder", new Recorder());
		CURRENT.set("not carried");
		assertThat(this.system.bridge().<String>call(recorder, new WhatContext(), TIMEOUT)).isEqualTo("(none)");
		assertThat(this.propagator.captures).hasValue(0);
	}

	@Test
	void aContextIsCapturedOncePerMessageAndEveryScopeIsClosed() throws Exception {
		ActorRef recorder = start(Dispatcher.SHARED).spawn("recorder", new Recorder());
		CountDownLatch handled = new CountDownLatch(1000);
		inContext("burst", () -> {
			for (int i = 0; i < 1000; i++) {
				recorder.send(new CountDown(handled));
			}
		});
		assertThat(handled.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(this.propagator.captures).hasValue(1000);
		this.system.close();
		assertThat(this.propagator.restores).hasValue(1000);
		assertThat(this.propagator.openScopes).hasValue(0);
	}

	@Test
	void aCaptureThatThrowsFailsTheSend() {
		this.system = ActorSystem.create(ActorSystemSettings.defaults()
			.withName("failing-capture")
			.withContextPropagator(new FailingPropagator(true)));
		ActorRef recorder = this.system.spawn("recorder", new Recorder());
		assertThatIllegalStateException().isThrownBy(() -> recorder.send(new WhatContext()))
			.withMessage("capture failed");
	}

	@Test
	void aRestoreThatThrowsEndsTheActorAsFailed() throws Exception {
		this.system = ActorSystem.create(ActorSystemSettings.defaults()
			.withName("failing-restore")
			.withContextPropagator(new FailingPropagator(false)));
		BlockingQueue<ActorInfo> ended = new LinkedBlockingQueue<>();
		this.system.addTerminationListener(ended::add);
		ActorRef recorder = this.system.spawn("recorder", new Recorder());
		CURRENT.set("context");
		recorder.send(new WhatContext());
		ActorInfo info = ended.poll(5, TimeUnit.SECONDS);
		assertThat(info).isNotNull();
		assertThat(info.name()).isEqualTo("recorder");
		assertThat(info.state()).isEqualTo(ActorState.FAILED);
	}

	private ActorSystem start(Dispatcher dispatcher) {
		if (dispatcher == Dispatcher.VIRTUAL) {
			assumeThat(Runtime.version().feature()).as("virtual threads").isGreaterThanOrEqualTo(21);
		}
		this.system = ActorSystem.create(ActorSystemSettings.defaults()
			.withName("propagation-" + dispatcher.configName())
			.withDispatcher(dispatcher)
			.withContextPropagator(this.propagator));
		return this.system;
	}

	private static void inContext(String context, Runnable action) {
		String previous = CURRENT.get();
		CURRENT.set(context);
		try {
			action.run();
		}
		finally {
			CURRENT.set(previous);
		}
	}

	private static String current() {
		String context = CURRENT.get();
		return (context != null) ? context : "(none)";
	}

	/** Carries {@link #CURRENT}, counting what it does. */
	static final class CountingPropagator implements ContextPropagator {

		final AtomicInteger captures = new AtomicInteger();

		final AtomicInteger restores = new AtomicInteger();

		final AtomicInteger openScopes = new AtomicInteger();

		@Override
		public @Nullable Object capture() {
			this.captures.incrementAndGet();
			return CURRENT.get();
		}

		@Override
		public Scope restore(Object context) {
			this.restores.incrementAndGet();
			this.openScopes.incrementAndGet();
			String previous = CURRENT.get();
			CURRENT.set((String) context);
			return () -> {
				CURRENT.set(previous);
				this.openScopes.decrementAndGet();
			};
		}

	}

	/** Fails in capture, or in restore. */
	record FailingPropagator(boolean inCapture) implements ContextPropagator {

		@Override
		public @Nullable Object capture() {
			if (this.inCapture) {
				throw new IllegalStateException("capture failed");
			}
			return CURRENT.get();
		}

		@Override
		public Scope restore(Object context) {
			throw new IllegalStateException("restore failed");
		}

	}

	record Record(BlockingQueue<String> seen) {
	}

	record WhatContext() {
	}

	record CountDown(CountDownLatch latch) {
	}

	record Request() {
	}

	record Pipe() {
	}

	record StartTimers() {
	}

	record SpawnChild() {
	}

	record Tick(String name) {
	}

	static final class Recorder {

		@Handles
		void on(Record record) {
			record.seen().add(current());
		}

		@Handles
		String on(WhatContext question) {
			return current();
		}

		@Handles
		void on(CountDown countDown) {
			countDown.latch().countDown();
		}

	}

	static final class Replier {

		@Handles
		String on(Request request) {
			CURRENT.set(current() + "/replier");
			return "answer";
		}

	}

	static final class Requester {

		private final ActorRef replier;

		private @Nullable BlockingQueue<String> seen;

		Requester(ActorRef replier) {
			this.replier = replier;
		}

		@Handles
		void on(Record record, ActorContext context) {
			this.seen = record.seen();
			this.replier.send(new Request(), context.self());
		}

		@Handles
		void on(String answer) {
			this.seen.add(current());
		}

	}

	static final class Asker {

		private final ActorRef target;

		Asker(ActorRef target) {
			this.target = target;
		}

		@Handles
		CompletableFuture<String> on(WhatContext question, ActorContext context) {
			return context.ask(this.target, question, TIMEOUT);
		}

	}

	static final class Piper {

		private final CompletableFuture<String> future;

		private final BlockingQueue<String> seen;

		Piper(CompletableFuture<String> future, BlockingQueue<String> seen) {
			this.future = future;
			this.seen = seen;
		}

		@Handles
		void on(Pipe pipe, ActorContext context) {
			context.pipeToSelf(this.future, (value, failure) -> value);
			this.seen.add("piped");
		}

		@Handles
		void on(String outcome) {
			this.seen.add(outcome + " in " + current());
		}

	}

	static final class Ticker {

		private final BlockingQueue<String> seen;

		Ticker(BlockingQueue<String> seen) {
			this.seen = seen;
		}

		@Handles
		void on(StartTimers start, ActorContext context) {
			context.timers().startSingle("single", new Tick("single"), Duration.ofMillis(10));
			context.timers().startPeriodic("periodic", new Tick("periodic"), Duration.ofMillis(10));
		}

		@Handles
		void on(Tick tick, ActorContext context) {
			if (tick.name().equals("periodic")) {
				context.timers().cancel("periodic");
			}
			this.seen.add(tick.name() + " in " + current());
		}

	}

	static final class Parent {

		private final BlockingQueue<String> seen;

		Parent(BlockingQueue<String> seen) {
			this.seen = seen;
		}

		@Handles
		void on(SpawnChild spawn, ActorContext context) {
			context.spawn("child", new Child(this.seen),
					SpawnOptions.defaults().withPeriodicTimer("tick", new Tick("child"), Duration.ofMillis(10)));
		}

	}

	static final class Child {

		private final BlockingQueue<String> seen;

		Child(BlockingQueue<String> seen) {
			this.seen = seen;
		}

		@Handles
		void on(Tick tick, ActorContext context) {
			context.timers().cancel("tick");
			this.seen.add("child tick in " + current());
		}

	}

}
