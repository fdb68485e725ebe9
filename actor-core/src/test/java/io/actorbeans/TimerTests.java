package io.actorbeans;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Timers: single and periodic, replaced and cancelled (also once their message is in the
 * mailbox), ended with the actor, and all on one scheduler thread.
 */
@Timeout(20)
class TimerTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ActorSystem system = ActorSystem.create(ActorSystemSettings.defaults().withName("timers"));

	private final Bridge bridge = this.system.bridge();

	@AfterEach
	void shutdown() {
		this.system.close();
	}

	@Test
	void aSingleTimerSendsItsMessageOnceAndThenIsNoLongerActive() throws InterruptedException {
		BlockingQueue<Object> received = new LinkedBlockingQueue<>();
		ActorRef actor = this.system.spawn("single", new TimerActor(received));
		this.bridge.call(actor, new StartSingle("k", "tick", Duration.ofMillis(20)), TIMEOUT);
		assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("tick");
		assertThat(this.bridge.<Boolean>call(actor, new IsActive("k"), TIMEOUT)).isFalse();
		assertThat(received.poll(100, TimeUnit.MILLISECONDS)).isNull();
	}

	@Test
	void aPeriodicTimerTicksUntilItIsCancelled() throws InterruptedException {
		BlockingQueue<Object> received = new LinkedBlockingQueue<>();
		ActorRef actor = this.system.spawn("periodic", new TimerActor(received));
		this.bridge.call(actor, new StartPeriodic("k", "tick", Duration.ofMillis(5)), TIMEOUT);
		for (int i = 0; i < 5; i++) {
			assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("tick");
		}
		assertThat(this.bridge.<Boolean>call(actor, new IsActive("k"), TIMEOUT)).isTrue();
		this.bridge.call(actor, new Cancel("k"), TIMEOUT);
		received.clear();
		assertThat(received.poll(100, TimeUnit.MILLISECONDS)).isNull();
		assertThat(this.bridge.<Boolean>call(actor, new IsActive("k"), TIMEOUT)).isFalse();
	}

	@Test
	void startingAKeyAgainReplacesItsTimer() throws InterruptedException {
		BlockingQueue<Object> received = new LinkedBlockingQueue<>();
		ActorRef actor = this.system.spawn("replaced", new TimerActor(received));
		this.bridge.call(actor, new StartTwice(new StartSingle("k", "old", Duration.ofMillis(30)),
				new StartSingle("k", "new", Duration.ofMillis(60))), TIMEOUT);
		assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("new");
		assertThat(received.poll(100, TimeUnit.MILLISECONDS)).isNull();
	}

	@Test
	void aCancelledTimersMessageAlreadyInTheMailboxIsNeverHandled() throws InterruptedException {
		BlockingQueue<Object> received = new LinkedBlockingQueue<>();
		ActorRef actor = this.system.spawn("raced", new TimerActor(received));
		long deadLettersBefore = this.system.deadLetterCount();
		// the handler starts a timer, waits until its tick is in the mailbox, then
		// cancels it
		assertThat(this.bridge.<Integer>call(actor, new StartThenCancelOnceEnqueued("k", "tick"), TIMEOUT))
			.isGreaterThanOrEqualTo(1);
		assertThat(this.bridge.<String>call(actor, "after", TIMEOUT)).isEqualTo("after");
		assertThat(received).containsExactly("after");
		assertThat(this.system.deadLetterCount()).isEqualTo(deadLettersBefore);
	}

	@Test
	void aReplacedTimersMessageAlreadyInTheMailboxIsNeverHandled() throws InterruptedException {
		BlockingQueue<Object> received = new LinkedBlockingQueue<>();
		ActorRef actor = this.system.spawn("replaced-raced", new TimerActor(received));
		this.bridge.call(actor, new StartThenReplaceOnceEnqueued("k", "old", "new"), TIMEOUT);
		assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("new");
		assertThat(received.poll(100, TimeUnit.MILLISECONDS)).isNull();
	}

	@Test
	void aSlowActorHasExactlyOnePeriodicTickWaiting() {
		ActorRef actor = this.system.spawn("slow", new SlowTicker());
		// a hundred ticks came due while the handler ran: one of them waits, not none
		// (the timer would have stopped) and not more (the ticks would pile up)
		int waiting = this.bridge.call(actor, new StartSlowTicks(), TIMEOUT);
		assertThat(waiting).isEqualTo(1);
	}

	@Test
	void aPeriodicTickIsDeliveredWhileTheBoundedMailboxIsFull() throws InterruptedException {
		BlockingQueue<DeadLetter> refused = new LinkedBlockingQueue<>();
		this.system.addDeadLetterListener((deadLetter) -> {
			if (deadLetter.reason() == DeadLetter.Reason.MAILBOX_FULL) {
				refused.add(deadLetter);
			}
		});
		BlockingQueue<Object> received = new LinkedBlockingQueue<>();
		ActorRef actor = this.system.spawn("crowded", new CrowdedTicker(received, refused),
				SpawnOptions.defaults().withMailboxCapacity(1));
		actor.send(new StartCrowded());
		assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("filler");
		assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("tick");
		// the user's message beyond the bound was refused; none of the ticks due
		// meanwhile
		assertThat(refused).extracting(DeadLetter::message).containsExactly("overflow");
	}

	@Test
	void timersEndWhenTheActorStops() throws InterruptedException {
		BlockingQueue<Object> received = new LinkedBlockingQueue<>();
		ActorRef actor = this.system.spawn("ending", new TimerActor(received));
		this.bridge.call(actor, new StartPeriodic("k", "tick", Duration.ofMillis(2)), TIMEOUT);
		assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("tick");
		assertThat(this.bridge.stop(List.of(actor), TIMEOUT)).containsExactly(new Stopped("ending"));
		// at most one tick may have been on its way when the actor ended
		long deadLettersAfterStop = this.system.deadLetterCount();
		Thread.sleep(100);
		assertThat(this.system.deadLetterCount()).isLessThanOrEqualTo(deadLettersAfterStop + 1);
	}

	@Test
	void aPeriodicTimerOfTheSpawnOptionsTicksFromTheStart() throws InterruptedException {
		BlockingQueue<Object> received = new LinkedBlockingQueue<>();
		ActorRef actor = this.system.spawn("configured", new TimerActor(received),
				SpawnOptions.defaults().withPeriodicTimer("refresh", "refresh", Duration.ofMillis(5)));
		for (int i = 0; i < 3; i++) {
			assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("refresh");
		}
		assertThat(this.bridge.<Boolean>call(actor, new IsActive("refresh"), TIMEOUT)).isTrue();
	}

	@Test
	void pausedTimersHoldTheirTicksUntilTheyResume() throws InterruptedException {
		BlockingQueue<Object> received = new LinkedBlockingQueue<>();
		ActorRef actor = this.system.spawn("paused", new TimerActor(received));
		this.system.pauseTimers();
		this.bridge.call(actor, new StartPeriodic("periodic", "tick", Duration.ofMillis(5)), TIMEOUT);
		this.bridge.call(actor, new StartSingle("single", "once", Duration.ofMillis(5)), TIMEOUT);
		// messages still arrive
		assertThat(this.bridge.<String>call(actor, "message", TIMEOUT)).isEqualTo("message");
		assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("message");
		assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
		this.system.resumeTimers();
		Set<Object> ticks = new HashSet<>();
		while (ticks.size() < 2) {
			Object tick = received.poll(5, TimeUnit.SECONDS);
			assertThat(tick).as("a tick after the resumption").isNotNull();
			ticks.add(tick);
		}
		assertThat(ticks).containsExactlyInAnyOrder("tick", "once");
		assertThat(this.bridge.<Boolean>call(actor, new IsActive("single"), TIMEOUT)).isFalse();
		assertThat(this.bridge.<Boolean>call(actor, new IsActive("periodic"), TIMEOUT)).isTrue();
	}

	@Test
	void aPeriodicTimerOfTheSpawnOptionsWaitsWhileTheTimersArePaused() throws InterruptedException {
		BlockingQueue<Object> received = new LinkedBlockingQueue<>();
		this.system.pauseTimers();
		this.system.spawn("early", new TimerActor(received),
				SpawnOptions.defaults().withPeriodicTimer("refresh", "refresh", Duration.ofMillis(5)));
		assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
		this.system.resumeTimers();
		for (int i = 0; i < 3; i++) {
			assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("refresh");
		}
	}

	@Test
	void pausingTheTimersAgainStopsTheTicksAgain() throws InterruptedException {
		BlockingQueue<Object> received = new LinkedBlockingQueue<>();
		ActorRef actor = this.system.spawn("again", new TimerActor(received));
		this.bridge.call(actor, new StartPeriodic("periodic", "tick", Duration.ofMillis(5)), TIMEOUT);
		assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("tick");
		this.system.pauseTimers();
		// a tick already in the mailbox is handled before this call
		this.bridge.call(actor, "flush", TIMEOUT);
		received.clear();
		assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
		this.system.resumeTimers();
		assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("tick");
	}

	@Test
	void aSpawnOptionsTimerWithoutAPositiveIntervalIsRejectedNamingTheKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpawnOptions.defaults().withPeriodicTimer("refresh", "refresh", Duration.ZERO))
			.withMessageContaining("timer refresh");
	}

	@Test
	void invalidDurationsAreRejectedNamingTheActorAndTheKey() {
		ActorRef actor = this.system.spawn("picky", new TimerActor(new LinkedBlockingQueue<>()));
		assertThatExceptionOfType(HandlerFailedException.class)
			.isThrownBy(() -> this.bridge.call(actor, new StartPeriodic("k", "tick", Duration.ZERO), TIMEOUT))
			.withCauseInstanceOf(IllegalArgumentException.class)
			.withMessageContaining("'picky'")
			.withMessageContaining("timer k");
	}

	@Test
	void tenThousandActorsWithPeriodicTimersShareOneSchedulerThread() throws InterruptedException {
		int actors = 10_000;
		CountDownLatch eachTickedTwice = new CountDownLatch(actors);
		for (int i = 0; i < actors; i++) {
			ActorRef actor = this.system.spawn("ticker-" + i, new CountingTicker(eachTickedTwice));
			actor.send(new StartCounting());
		}
		assertThat(eachTickedTwice.await(15, TimeUnit.SECONDS)).isTrue();
		Set<Thread> threads = Thread.getAllStackTraces().keySet();
		assertThat(threads).filteredOn((thread) -> thread.getName().startsWith("timers-scheduler")).hasSize(1);
	}

	record StartSingle(Object key, Object message, Duration delay) {
	}

	record StartPeriodic(Object key, Object message, Duration interval) {
	}

	record StartTwice(StartSingle first, StartSingle second) {
	}

	record Cancel(Object key) {
	}

	record IsActive(Object key) {
	}

	record StartThenCancelOnceEnqueued(Object key, Object message) {
	}

	record StartThenReplaceOnceEnqueued(Object key, Object oldMessage, Object newMessage) {
	}

	record StartSlowTicks() {
	}

	record StartCrowded() {
	}

	record SlowTick() {
	}

	record StartCounting() {
	}

	record Count() {
	}

	static class TimerActor {

		private final BlockingQueue<Object> received;

		TimerActor(BlockingQueue<Object> received) {
			this.received = received;
		}

		@Handles
		boolean onStartSingle(StartSingle start, ActorContext context) {
			context.timers().startSingle(start.key(), start.message(), start.delay());
			return true;
		}

		@Handles
		boolean onStartTwice(StartTwice start, ActorContext context) {
			onStartSingle(start.first(), context);
			return onStartSingle(start.second(), context);
		}

		@Handles
		boolean onStartPeriodic(StartPeriodic start, ActorContext context) {
			context.timers().startPeriodic(start.key(), start.message(), start.interval());
			return true;
		}

		@Handles
		boolean onCancel(Cancel cancel, ActorContext context) {
			context.timers().cancel(cancel.key());
			return true;
		}

		@Handles
		boolean onIsActive(IsActive query, ActorContext context) {
			return context.timers().isActive(query.key());
		}

		@Handles
		int onStartThenCancel(StartThenCancelOnceEnqueued start, ActorContext context) {
			context.timers().startSingle(start.key(), start.message(), Duration.ZERO);
			int waiting = awaitMailbox(context);
			context.timers().cancel(start.key());
			return waiting;
		}

		@Handles
		boolean onStartThenReplace(StartThenReplaceOnceEnqueued start, ActorContext context) {
			context.timers().startSingle(start.key(), start.oldMessage(), Duration.ZERO);
			awaitMailbox(context);
			context.timers().startSingle(start.key(), start.newMessage(), Duration.ofMillis(20));
			return true;
		}

		@Handles
		String onString(String message) {
			this.received.add(message);
			return message;
		}

	}

	static class CrowdedTicker {

		private final BlockingQueue<Object> received;

		private final BlockingQueue<DeadLetter> refused;

		CrowdedTicker(BlockingQueue<Object> received, BlockingQueue<DeadLetter> refused) {
			this.received = received;
			this.refused = refused;
		}

		@Handles
		void onStart(StartCrowded start, ActorContext context) throws InterruptedException {
			// the mailbox holds one message: with the filler in it, it refuses the user's
			// next; the timer starts after both, so that no tick comes before the filler
			context.self().send("filler");
			context.self().send("overflow");
			context.timers().startPeriodic("tick", "tick", Duration.ofMillis(1));
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
			while (this.refused.isEmpty() && System.nanoTime() < deadline) {
				Thread.sleep(1);
			}
			// a tick comes due every millisecond meanwhile
			Thread.sleep(50);
		}

		@Handles
		void onString(String message) {
			this.received.add(message);
		}

	}

	static class SlowTicker {

		private int ticks;

		@Handles
		void onStart(StartSlowTicks start, ActorContext context) {
			context.timers().startPeriodic("slow", new SlowTick(), Duration.ofMillis(1));
			awaitMailbox(context);
			sleep(100);
			// about a hundred ticks came due meanwhile
			context.reply(mailboxSize(context));
		}

		@Handles
		void onTick(SlowTick tick) {
			this.ticks++;
		}

	}

	static class CountingTicker {

		private final CountDownLatch tickedTwice;

		private int ticks;

		CountingTicker(CountDownLatch tickedTwice) {
			this.tickedTwice = tickedTwice;
		}

		@Handles
		void onStart(StartCounting start, ActorContext context) {
			context.timers().startPeriodic("count", new Count(), Duration.ofMillis(50));
		}

		@Handles
		void onCount(Count count) {
			if (++this.ticks == 2) {
				this.tickedTwice.countDown();
			}
		}

	}

	/** Wait, at most 5 seconds, until a message is in this actor's mailbox. */
	static int awaitMailbox(ActorContext context) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		int size;
		while ((size = mailboxSize(context)) < 1 && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		return size;
	}

	static int mailboxSize(ActorContext context) {
		return context.system().actor(context.self().name()).map(ActorInfo::mailboxSize).orElse(0);
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
