package io.actorbeans;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The public behaviour of {@link Bridge}: calls, asks, multi-calls, stops and sends,
 * their timeouts, and the failures that end a call at once.
 * <p>
 * No speed figures: a time bound here only proves that something did not wait for a (much
 * longer) timeout, or that calls ran concurrently.
 */
class BridgeTests {

	/** Long enough that a call reaching it shows a missing fail-fast. */
	private static final Duration LONG = Duration.ofSeconds(30);

	/** What a fail-fast test may take at most: far below {@link #LONG}. */
	private static final Duration FAST = Duration.ofSeconds(5);

	private static final Duration ONE_SECOND = Duration.ofSeconds(1);

	/** Latches that handlers may block on: opened before the system closes. */
	private final List<CountDownLatch> gates = new CopyOnWriteArrayList<>();

	private ActorSystem system = start(ActorSystemSettings.defaults());

	@AfterEach
	void close() {
		this.gates.forEach(CountDownLatch::countDown);
		this.system.close();
	}

	private ActorSystem start(ActorSystemSettings settings) {
		return ActorSystem.create(settings.withName("bridge-tests").withShutdownTimeout(Duration.ofSeconds(3)));
	}

	/** Replace the system of this test by one with other settings. */
	private void restart(ActorSystemSettings settings) {
		this.system.close();
		this.system = start(settings);
	}

	private CountDownLatch gate() {
		CountDownLatch gate = new CountDownLatch(1);
		this.gates.add(gate);
		return gate;
	}

	private Bridge bridge() {
		return this.system.bridge();
	}

	// call

	@Test
	void callReturnsTheHandlersReturnValue() {
		ActorRef adder = this.system.spawn("adder", new Calculator());
		Integer sum = bridge().call(adder, new Add(2, 3), ONE_SECOND);
		assertThat(sum).isEqualTo(5);
	}

	@Test
	void callReturnsAReplySentWithTheContext() {
		ActorRef replier = this.system.spawn("context-replier", new Calculator());
		String reply = bridge().call(replier, new ReplyWithContext("hello"), ONE_SECOND);
		assertThat(reply).isEqualTo("hello from context-replier");
	}

	@Test
	void callReturnsAReplySentToTheSender() {
		ActorRef replier = this.system.spawn("sender-replier", new Calculator());
		String reply = bridge().call(replier, new ReplyToSender("hello"), ONE_SECOND);
		assertThat(reply).isEqualTo("hello from sender-replier");
	}

	@Test
	void callGetsTheFirstReplyAndASecondReplyBecomesALateReply() {
		List<DeadLetter> deadLetters = recordDeadLetters();
		ActorRef replier = this.system.spawn("twice-replier", new Calculator());
		String reply = bridge().call(replier, new ReplyTwice("first", "second"), ONE_SECOND);
		assertThat(reply).isEqualTo("first");
		awaitUntil(() -> !deadLetters.isEmpty());
		DeadLetter late = deadLetters.get(0);
		assertThat(late.message()).isEqualTo("second");
		assertThat(late.reason()).isEqualTo(DeadLetter.Reason.LATE_REPLY);
		assertThat(late.sender()).isSameAs(replier);
	}

	@Test
	void callReturnsAReplyFromTheActorTheRequestWasForwardedTo() {
		ActorRef adder = this.system.spawn("forward-adder", new Calculator());
		ActorRef forwarder = this.system.spawn("forwarder", new Calculator());
		Integer sum = bridge().call(forwarder, new Forward(adder, new Add(40, 2)), ONE_SECOND);
		assertThat(sum).isEqualTo(42);
	}

	@Test
	void callWithStopReturnsStopped() {
		ActorRef actor = this.system.spawn("called-to-stop", new Calculator());
		Stopped stopped = bridge().call(actor, new Stop(), ONE_SECOND);
		assertThat(stopped).isEqualTo(new Stopped("called-to-stop"));
		assertThat(this.system.lookup("called-to-stop")).isEmpty();
	}

	@Test
	void callWithoutTimeoutWaitsForTheSettingsBridgeTimeout() {
		restart(ActorSystemSettings.defaults().withBridgeTimeout(Duration.ofMillis(200)));
		ActorRef silent = this.system.spawn("silent", new Silent());
		long start = System.nanoTime();
		// the default Bridge timeout (5 s) would break this bound
		CallTimeoutException timeout = assertTimeoutPreemptively(Duration.ofSeconds(3),
				() -> catchThrowableOfType(() -> bridge().call(silent, new Ignored()), CallTimeoutException.class));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
		assertThat(timeout).isNotNull();
		assertThat(timeout.actor()).isEqualTo("silent");
		assertThat(timeout.getMessage()).contains("'silent'").contains(Ignored.class.getName());
	}

	@Test
	void callThrowsCallTimeoutExceptionNamingTheActorAndTheRequest() {
		ActorRef silent = this.system.spawn("silent-with-timeout", new Silent());
		assertThatExceptionOfType(CallTimeoutException.class)
			.isThrownBy(() -> bridge().call(silent, new Ignored(), Duration.ofMillis(100)))
			.satisfies((ex) -> assertThat(ex.actor()).isEqualTo("silent-with-timeout"))
			.withMessageContaining("'silent-with-timeout'")
			.withMessageContaining(Ignored.class.getName());
	}

	@Test
	void callWithDefaultReturnsTheReply() {
		ActorRef adder = this.system.spawn("adder-with-default", new Calculator());
		Integer sum = bridge().call(adder, new Add(20, 22), ONE_SECOND, -1);
		assertThat(sum).isEqualTo(42);
	}

	@Test
	void callWithDefaultReturnsTheDefaultOnTimeout() {
		ActorRef silent = this.system.spawn("silent-with-default", new Silent());
		String reply = bridge().call(silent, new Ignored(), Duration.ofMillis(100), "default");
		assertThat(reply).isEqualTo("default");
	}

	@Test
	void callWithDefaultStillThrowsWhenTheHandlerFails() {
		ActorRef failing = this.system.spawn("failing-with-default", new Calculator());
		assertTimeoutPreemptively(FAST,
				() -> assertThatExceptionOfType(HandlerFailedException.class)
					.isThrownBy(() -> bridge().call(failing, new Fail("boom"), LONG, "default"))
					.withMessageContaining("'failing-with-default'"));
	}

	@Test
	void callWithDefaultStillThrowsForAStoppedActor() {
		ActorRef stopped = stoppedActor("stopped-with-default");
		assertTimeoutPreemptively(FAST,
				() -> assertThatExceptionOfType(ActorStoppedException.class)
					.isThrownBy(() -> bridge().call(stopped, new Add(1, 1), LONG, -1))
					.satisfies((ex) -> assertThat(ex.actor()).isEqualTo("stopped-with-default"))
					.withMessageContaining("'stopped-with-default'"));
	}

	@Test
	void lateReplyBecomesADeadLetterAndIsNeverDeliveredToTheNextCall() throws Exception {
		List<DeadLetter> deadLetters = recordDeadLetters();
		ActorRef slow = this.system.spawn("slow", new Calculator());
		CountDownLatch gate = gate();
		long deadLettersBefore = this.system.deadLetterCount();
		assertThatExceptionOfType(CallTimeoutException.class)
			.isThrownBy(() -> bridge().call(slow, new AwaitThenReply(gate, "late"), Duration.ofMillis(100)));
		// the next call on the same Bridge waits behind the request that will reply late
		CompletableFuture<String> next = CompletableFuture
			.supplyAsync(() -> bridge().call(slow, new Echo("next"), Duration.ofSeconds(5)));
		awaitUntil(() -> this.system.actor("slow").map(ActorInfo::mailboxSize).orElse(0) == 1);
		gate.countDown();
		assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo("next");
		awaitUntil(() -> !deadLetters.isEmpty());
		assertThat(deadLetters).singleElement().satisfies((late) -> {
			assertThat(late.message()).isEqualTo("late");
			assertThat(late.reason()).isEqualTo(DeadLetter.Reason.LATE_REPLY);
			assertThat(late.sender()).isSameAs(slow);
		});
		assertThat(this.system.deadLetterCount()).isEqualTo(deadLettersBefore + 1);
	}

	// ask

	@Test
	void askCompletesWithTheReply() throws Exception {
		ActorRef adder = this.system.spawn("asked-adder", new Calculator());
		CompletableFuture<Integer> sum = bridge().ask(adder, new Add(4, 5), ONE_SECOND);
		assertThat(sum.get(5, TimeUnit.SECONDS)).isEqualTo(9);
	}

	@Test
	void askWithoutTimeoutCompletesWithTheReply() throws Exception {
		ActorRef adder = this.system.spawn("asked-adder-default-timeout", new Calculator());
		CompletableFuture<Integer> sum = bridge().ask(adder, new Add(6, 7));
		assertThat(sum.get(5, TimeUnit.SECONDS)).isEqualTo(13);
	}

	@Test
	void askFailsWithCallTimeoutExceptionAfterItsTimeout() {
		ActorRef silent = this.system.spawn("asked-silent", new Silent());
		CompletableFuture<Object> reply = bridge().ask(silent, new Ignored(), Duration.ofMillis(100));
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> reply.get(5, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(CallTimeoutException.class)
			.withMessageContaining("'asked-silent'")
			.withMessageContaining(Ignored.class.getName());
	}

	@Test
	void askWithoutTimeoutFailsAfterTheSettingsBridgeTimeout() {
		restart(ActorSystemSettings.defaults().withBridgeTimeout(Duration.ofMillis(100)));
		ActorRef silent = this.system.spawn("asked-silent-default-timeout", new Silent());
		CompletableFuture<Object> reply = bridge().ask(silent, new Ignored());
		// well before the default Bridge timeout of 5 s
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> reply.get(3, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(CallTimeoutException.class)
			.withMessageContaining("'asked-silent-default-timeout'");
	}

	@Test
	void askToAStoppedActorReturnsAFailedFutureAtOnce() {
		ActorRef stopped = stoppedActor("asked-stopped");
		CompletableFuture<Object> reply = bridge().ask(stopped, new Add(1, 2), LONG);
		assertThat(reply).isCompletedExceptionally();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(reply::get)
			.havingCause()
			.isInstanceOf(ActorStoppedException.class)
			.withMessageContaining("'asked-stopped'");
	}

	@Test
	void askFailsWithHandlerFailedExceptionWhenTheHandlerThrows() {
		ActorRef failing = this.system.spawn("asked-failing", new Calculator());
		CompletableFuture<Object> reply = bridge().ask(failing, new Fail("boom"), LONG);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> reply.get(5, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(HandlerFailedException.class)
			.withMessageContaining("'asked-failing'");
	}

	// multiCall

	@Test
	void multiCallReturnsTheRepliesInRequestOrder() {
		ActorRef first = this.system.spawn("multi-first", new Calculator());
		ActorRef second = this.system.spawn("multi-second", new Calculator());
		List<Object> replies = bridge().multiCall(
				List.of(new Bridge.Request(first, new Add(1, 1)), new Bridge.Request(second, new Add(2, 2)),
						new Bridge.Request(first, new Add(3, 3)), new Bridge.Request(second, new Echo("last"))),
				Duration.ofSeconds(5), null);
		assertThat(replies).containsExactly(2, 4, 6, "last");
	}

	@Test
	void multiCallSendsEveryRequestBeforeWaitingForAnyReply() {
		// each handler replies only once all three are being handled at the same time
		int actors = 3;
		CountDownLatch rendezvous = new CountDownLatch(actors);
		List<Bridge.Request> requests = new ArrayList<>();
		for (int i = 0; i < actors; i++) {
			ActorRef actor = this.system.spawn("rendezvous-" + i, new Calculator(),
					SpawnOptions.defaults().withDispatcher(Dispatcher.THREAD));
			requests.add(new Bridge.Request(actor, new Rendezvous(rendezvous, "met-" + i)));
		}
		List<Object> replies = assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> bridge().multiCall(requests, Duration.ofSeconds(5), "missed"));
		assertThat(replies).containsExactly("met-0", "met-1", "met-2");
	}

	@Test
	void multiCallGivesTheDefaultToTheActorsThatDoNotAnswerInTime() {
		ActorRef quick = this.system.spawn("multi-quick", new Calculator());
		ActorRef silent = this.system.spawn("multi-silent", new Silent());
		List<Object> replies = bridge().multiCall(List.of(new Bridge.Request(quick, new Add(1, 2)),
				new Bridge.Request(silent, new Ignored()), new Bridge.Request(quick, new Add(3, 4))),
				Duration.ofMillis(500), "late");
		assertThat(replies).containsExactly(3, "late", 7);
	}

	@Test
	void multiCallHasOneDeadlineForAllRequests() {
		int silentActors = 5;
		List<Bridge.Request> requests = new ArrayList<>();
		for (int i = 0; i < silentActors; i++) {
			requests.add(new Bridge.Request(this.system.spawn("multi-silent-" + i, new Silent()), new Ignored()));
		}
		long start = System.nanoTime();
		// a deadline per request would take 5 x 500 ms
		List<Object> replies = assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> bridge().multiCall(requests, Duration.ofMillis(500), "late"));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2000));
		assertThat(replies).hasSize(silentActors).containsOnly("late");
	}

	@Test
	void multiCallOfNoRequestsReturnsNoReplies() {
		assertThat(bridge().multiCall(List.of(), ONE_SECOND, "default")).isEmpty();
	}

	@Test
	void multiCallGivesTheDefaultToTheCallsThatFail() {
		ActorRef calculator = this.system.spawn("multi-calculator", new Calculator());
		ActorRef stopped = stoppedActor("multi-stopped");
		List<Object> replies = assertTimeoutPreemptively(FAST,
				() -> bridge().multiCall(List.of(new Bridge.Request(calculator, new Add(1, 1)),
						new Bridge.Request(calculator, new Fail("boom")), new Bridge.Request(stopped, new Add(2, 2)),
						new Bridge.Request(calculator, new Unknown()), new Bridge.Request(calculator, new Add(3, 3))),
						LONG, "failed"));
		assertThat(replies).containsExactly(2, "failed", "failed", "failed", 6);
	}

	// stop

	@Test
	void stopReturnsOneStoppedPerActorInOrder() {
		ActorRef first = this.system.spawn("stop-first", new Calculator());
		ActorRef second = this.system.spawn("stop-second", new Calculator());
		ActorRef third = this.system.spawn("stop-third", new Calculator());
		List<Stopped> stopped = bridge().stop(List.of(third, first, second), Duration.ofSeconds(5));
		assertThat(stopped).containsExactly(new Stopped("stop-third"), new Stopped("stop-first"),
				new Stopped("stop-second"));
		assertThat(this.system.lookup("stop-first")).isEmpty();
		assertThat(this.system.lookup("stop-second")).isEmpty();
		assertThat(this.system.lookup("stop-third")).isEmpty();
	}

	@Test
	void stopReturnsNullForAnActorAlreadyStopped() {
		ActorRef live = this.system.spawn("stop-live", new Calculator());
		ActorRef stopped = stoppedActor("stop-already-stopped");
		List<Stopped> confirmations = assertTimeoutPreemptively(FAST,
				() -> bridge().stop(List.of(stopped, live), LONG));
		assertThat(confirmations).containsExactly(null, new Stopped("stop-live"));
	}

	@Test
	void stopReturnsNullForAnActorThatDoesNotConfirmInTime() {
		ActorRef busy = this.system.spawn("stop-busy", new Calculator());
		ActorRef idle = this.system.spawn("stop-idle", new Calculator());
		CountDownLatch gate = gate();
		busy.send(new AwaitThenReply(gate, "done"));
		List<Stopped> confirmations = bridge().stop(List.of(busy, idle), Duration.ofMillis(500));
		assertThat(confirmations).containsExactly(null, new Stopped("stop-idle"));
	}

	@Test
	void stopHandlesTheMessagesSentBeforeTheStop() {
		Calculator calculator = new Calculator();
		ActorRef actor = this.system.spawn("stop-after-work", calculator);
		for (int i = 0; i < 100; i++) {
			bridge().send(actor, new Record(i));
		}
		assertThat(bridge().stop(List.of(actor), Duration.ofSeconds(5)))
			.containsExactly(new Stopped("stop-after-work"));
		assertThat(calculator.recorded).hasSize(100);
	}

	// send

	@Test
	void sendDeliversTheMessage() {
		Calculator calculator = new Calculator();
		ActorRef actor = this.system.spawn("send-target", calculator);
		bridge().send(actor, new Record(1));
		bridge().send(actor, new Record(2));
		assertThat(bridge().<Integer>call(actor, new Add(0, 0), ONE_SECOND)).isZero();
		assertThat(calculator.recorded).containsExactly(1, 2);
	}

	@Test
	void sendToAStoppedActorThrowsActorStoppedException() {
		ActorRef stopped = stoppedActor("send-stopped");
		assertThatExceptionOfType(ActorStoppedException.class).isThrownBy(() -> bridge().send(stopped, new Record(1)))
			.satisfies((ex) -> assertThat(ex.actor()).isEqualTo("send-stopped"))
			.withMessageContaining("'send-stopped'");
	}

	@Test
	void sendToAFullMailboxThrowsMailboxFullException() throws InterruptedException {
		Calculator calculator = new Calculator();
		ActorRef bounded = this.system.spawn("send-bounded", calculator,
				SpawnOptions.defaults().withMailboxCapacity(1));
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch gate = gate();
		bridge().send(bounded, new Block(started, gate));
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		bridge().send(bounded, new Record(1));
		assertThatExceptionOfType(MailboxFullException.class).isThrownBy(() -> bridge().send(bounded, new Record(2)))
			.withMessageContaining("'send-bounded'")
			.withMessageContaining(Record.class.getName())
			.extracting(MailboxFullException::actor)
			.isEqualTo("send-bounded");
		gate.countDown();
		// once the mailbox has room again, it accepts messages
		awaitUntil(() -> this.system.actor("send-bounded").map(ActorInfo::mailboxSize).orElse(1) == 0);
		assertThat(bridge().<Integer>call(bounded, new Add(1, 1), Duration.ofSeconds(5))).isEqualTo(2);
		assertThat(calculator.recorded).containsExactly(1);
	}

	// fail-fast

	@Test
	void callToAFullMailboxThrowsMailboxFullExceptionAtOnce() throws InterruptedException {
		ActorRef bounded = this.system.spawn("call-bounded", new Calculator(),
				SpawnOptions.defaults().withMailboxCapacity(1));
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch gate = gate();
		bridge().send(bounded, new Block(started, gate));
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		bridge().send(bounded, new Record(1));
		assertTimeoutPreemptively(FAST,
				() -> assertThatExceptionOfType(MailboxFullException.class)
					.isThrownBy(() -> bridge().call(bounded, new Add(1, 1), LONG))
					.withMessageContaining("'call-bounded'"));
	}

	@Test
	void callToAStoppedActorThrowsActorStoppedExceptionAtOnce() {
		ActorRef stopped = stoppedActor("call-stopped");
		assertTimeoutPreemptively(FAST,
				() -> assertThatExceptionOfType(ActorStoppedException.class)
					.isThrownBy(() -> bridge().call(stopped, new Add(1, 1), LONG))
					.satisfies((ex) -> assertThat(ex.actor()).isEqualTo("call-stopped"))
					.withMessageContaining("'call-stopped'"));
	}

	@Test
	void callWhoseRequestIsLeftBehindAStopThrowsActorStoppedExceptionAtOnce() throws Exception {
		ActorRef actor = this.system.spawn("call-behind-stop", new Calculator());
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch gate = gate();
		actor.send(new Block(started, gate));
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		actor.send(new Stop());
		CompletableFuture<Object> call = CompletableFuture.supplyAsync(() -> bridge().call(actor, new Add(1, 1), LONG));
		awaitUntil(() -> this.system.actor("call-behind-stop").map(ActorInfo::mailboxSize).orElse(0) == 2);
		gate.countDown();
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> call.get(FAST.toMillis(), TimeUnit.MILLISECONDS))
			.havingCause()
			.isInstanceOf(ActorStoppedException.class)
			.withMessageContaining("'call-behind-stop'")
			.withMessageContaining(Add.class.getName());
	}

	@Test
	void callToAHandlerThatThrowsThrowsHandlerFailedExceptionAtOnce() {
		ActorRef failing = this.system.spawn("call-failing", new Calculator());
		HandlerFailedException failure = assertTimeoutPreemptively(FAST,
				() -> catchThrowableOfType(() -> bridge().call(failing, new Fail("boom"), LONG),
						HandlerFailedException.class));
		assertThat(failure).isNotNull();
		assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("boom");
		assertThat(failure.getMessage()).contains("'call-failing'").contains(Fail.class.getName()).contains("onFail");
		// the actor goes on (RESUME by default)
		assertThat(bridge().<Integer>call(failing, new Add(1, 1), ONE_SECOND)).isEqualTo(2);
	}

	@Test
	void callWithAnUnhandledRequestThrowsUnhandledMessageExceptionAtOnce() {
		ActorRef calculator = this.system.spawn("call-unhandled", new Calculator());
		assertTimeoutPreemptively(FAST,
				() -> assertThatExceptionOfType(UnhandledMessageException.class)
					.isThrownBy(() -> bridge().call(calculator, new Unknown(), LONG))
					.withMessageContaining("'call-unhandled'")
					.withMessageContaining(Unknown.class.getName()));
	}

	@Test
	void callsQueuedBehindAFailureThatStopsTheActorThrowActorStoppedExceptionAtOnce() throws Exception {
		ActorRef actor = this.system.spawn("stops-on-failure", new Calculator(),
				SpawnOptions.defaults().withFailurePolicy(FailurePolicy.STOP));
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch gate = gate();
		actor.send(new Block(started, gate));
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Object> failing = bridge().ask(actor, new Fail("boom"), LONG);
		CompletableFuture<Object> behind = bridge().ask(actor, new Add(1, 1), LONG);
		gate.countDown();
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> failing.get(FAST.toMillis(), TimeUnit.MILLISECONDS))
			.havingCause()
			.isInstanceOf(HandlerFailedException.class)
			.withMessageContaining("'stops-on-failure'");
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> behind.get(FAST.toMillis(), TimeUnit.MILLISECONDS))
			.havingCause()
			.isInstanceOf(ActorStoppedException.class)
			.withMessageContaining("'stops-on-failure'");
	}

	@Test
	void callInterruptedWhileWaitingThrowsCallInterruptedExceptionAndKeepsTheInterrupt() throws Exception {
		ActorRef silent = this.system.spawn("interrupted-silent", new Silent());
		CompletableFuture<Throwable> failure = new CompletableFuture<>();
		CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
		Thread caller = new Thread(() -> {
			try {
				bridge().call(silent, new Ignored(), LONG);
				failure.complete(null);
			}
			catch (Throwable ex) {
				failure.complete(ex);
			}
			interrupted.complete(Thread.currentThread().isInterrupted());
		}, "interrupted-caller");
		caller.start();
		awaitUntil(() -> caller.getState() == Thread.State.TIMED_WAITING);
		caller.interrupt();
		assertThat(failure.get(FAST.toMillis(), TimeUnit.MILLISECONDS)).isInstanceOf(CallInterruptedException.class)
			.hasMessageContaining("'interrupted-silent'");
		assertThat(interrupted.get(FAST.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
	}

	@Test
	void callAfterShutdownThrowsActorSystemShutdownException() {
		ActorRef actor = this.system.spawn("call-after-shutdown", new Calculator());
		this.system.shutdown(Duration.ofSeconds(5));
		assertTimeoutPreemptively(FAST,
				() -> assertThatExceptionOfType(ActorSystemShutdownException.class)
					.isThrownBy(() -> bridge().call(actor, new Add(1, 1), LONG))
					.withMessageContaining("'call-after-shutdown'"));
	}

	@Test
	void sendAfterShutdownThrowsActorSystemShutdownException() {
		ActorRef actor = this.system.spawn("send-after-shutdown", new Calculator());
		this.system.shutdown(Duration.ofSeconds(5));
		assertThatExceptionOfType(ActorSystemShutdownException.class)
			.isThrownBy(() -> bridge().send(actor, new Record(1)))
			.withMessageContaining("'send-after-shutdown'");
	}

	// helpers

	/** An actor that has been stopped, and confirmed it. */
	private ActorRef stoppedActor(String name) {
		ActorRef actor = this.system.spawn(name, new Calculator());
		assertThat(bridge().stop(List.of(actor), Duration.ofSeconds(5))).containsExactly(new Stopped(name));
		return actor;
	}

	private List<DeadLetter> recordDeadLetters() {
		List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
		this.system.addDeadLetterListener(deadLetters::add);
		return deadLetters;
	}

	private static void awaitUntil(BooleanSupplier condition) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Condition not met within 5 s");
			}
			try {
				Thread.sleep(2);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	// messages

	record Add(int a, int b) {
	}

	record Echo(Object value) {
	}

	record Forward(ActorRef to, Object request) {
	}

	record ReplyWithContext(String text) {
	}

	record ReplyToSender(String text) {
	}

	record ReplyTwice(String first, String second) {
	}

	record Fail(String why) {
	}

	record Record(int value) {
	}

	record AwaitThenReply(CountDownLatch gate, Object reply) {
	}

	record Block(CountDownLatch started, CountDownLatch gate) {
	}

	record Rendezvous(CountDownLatch rendezvous, Object reply) {
	}

	record Ignored() {
	}

	record Unknown() {
	}

	/** Handles every message of these tests but {@link Unknown}. */
	static final class Calculator {

		final BlockingQueue<Integer> recorded = new LinkedBlockingQueue<>();

		@Handles
		Integer onAdd(Add add) {
			return add.a() + add.b();
		}

		@Handles
		Object onEcho(Echo echo) {
			return echo.value();
		}

		@Handles
		void onForward(Forward forward, ActorRef sender) {
			forward.to().send(forward.request(), sender);
		}

		@Handles
		void onReplyWithContext(ReplyWithContext request, ActorContext context) {
			context.reply(request.text() + " from " + context.self().name());
		}

		@Handles
		void onReplyToSender(ReplyToSender request, ActorRef sender, ActorContext context) {
			sender.send(request.text() + " from " + context.self().name(), context.self());
		}

		@Handles
		String onReplyTwice(ReplyTwice request, ActorContext context) {
			context.reply(request.first());
			return request.second();
		}

		@Handles
		Object onFail(Fail fail) {
			throw new IllegalStateException(fail.why());
		}

		@Handles
		void onRecord(Record record) {
			this.recorded.add(record.value());
		}

		@Handles
		Object onAwaitThenReply(AwaitThenReply request) throws InterruptedException {
			request.gate().await();
			return request.reply();
		}

		@Handles
		void onBlock(Block block) throws InterruptedException {
			block.started().countDown();
			block.gate().await();
		}

		@Handles
		Object onRendezvous(Rendezvous request) throws InterruptedException {
			request.rendezvous().countDown();
			return request.rendezvous().await(5, TimeUnit.SECONDS) ? request.reply() : "alone";
		}

	}

	/** Takes {@link Ignored} requests and never replies. */
	static final class Silent {

		@Handles
		void onIgnored(Ignored request) {
		}

	}

}
