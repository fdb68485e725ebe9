package io.actorbeans;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Spawning, lookup and introspection of actors through {@link ActorSystem}.
 */
@Timeout(10)
class ActorSystemTests {

	/** More than the period of the system's coarse activity clock (10 ms). */
	/**
	 * How much earlier than the wall clock the coarse activity clock may be: its period,
	 * or much more when its thread is late on a loaded machine.
	 */
	private static final long COARSE_CLOCK_SLACK_MILLIS = 5000;

	private static final Duration ONE_SECOND = Duration.ofSeconds(1);

	private final ActorSystem system = ActorSystem.create();

	@AfterEach
	void shutdown() {
		this.system.close();
	}

	// Thread pools

	@Test
	void threadPoolsAreTheSharedPoolAndTheSchedulerNamedAfterTheSystem() {
		Map<String, ExecutorService> pools = this.system.threadPools();
		assertThat(pools).containsOnlyKeys("actors-shared", "actors-scheduler");
		assertThat(pools.get("actors-shared")).isInstanceOf(ForkJoinPool.class);
		assertThat(pools.get("actors-scheduler")).isInstanceOf(ScheduledThreadPoolExecutor.class);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(pools::clear);
		ActorRef ref = this.system.spawn("echo", new Echo());
		this.system.bridge().call(ref, "hello", ONE_SECOND);
		assertThat(((ForkJoinPool) pools.get("actors-shared")).getPoolSize()).isPositive();
	}

	// Spawn and send

	@Test
	void spawnReturnsRefWithTheName() {
		ActorRef ref = this.system.spawn("echo", new Echo());
		assertThat(ref.name()).isEqualTo("echo");
		assertThat(this.system.bridge().<String>call(ref, "hello", ONE_SECOND)).isEqualTo("hello");
	}

	@Test
	void sendWithSenderGivesTheHandlerThatSender() throws InterruptedException {
		SenderRecorder recorder = new SenderRecorder();
		ActorRef ref = this.system.spawn("recorder", recorder);
		ActorRef other = this.system.spawn("other", new Echo());
		ref.send("one", other);
		assertThat(recorder.senders.poll(1, TimeUnit.SECONDS)).isEqualTo(Optional.of(other));
	}

	@Test
	void sendWithoutSenderGivesTheHandlerNull() throws InterruptedException {
		SenderRecorder recorder = new SenderRecorder();
		ActorRef ref = this.system.spawn("recorder", recorder);
		ref.send("one");
		assertThat(recorder.senders.poll(1, TimeUnit.SECONDS)).isEqualTo(Optional.empty());
		ref.send("two", null);
		assertThat(recorder.senders.poll(1, TimeUnit.SECONDS)).isEqualTo(Optional.empty());
	}

	// Lookup

	@Test
	void lookupFindsLiveActor() {
		ActorRef ref = this.system.spawn("echo", new Echo());
		assertThat(this.system.lookup("echo")).containsSame(ref);
		assertThat(this.system.lookup("nobody")).isEmpty();
	}

	@Test
	void lookupDoesNotFindStoppedActor() {
		ActorRef ref = this.system.spawn("echo", new Echo());
		assertThat(this.system.bridge().stop(List.of(ref), ONE_SECOND)).containsExactly(new Stopped("echo"));
		await(() -> this.system.lookup("echo").isEmpty());
		assertThat(this.system.actor("echo")).isEmpty();
		assertThat(this.system.actors()).extracting(ActorInfo::name).doesNotContain("echo");
	}

	@Test
	void nameOfStoppedActorCanBeReused() {
		ActorRef first = this.system.spawn("echo", new Echo());
		assertThat(this.system.bridge().stop(List.of(first), ONE_SECOND)).containsExactly(new Stopped("echo"));
		await(() -> this.system.lookup("echo").isEmpty());
		ActorRef second = this.system.spawn("echo", new Echo());
		assertThat(second).isNotSameAs(first);
		assertThat(this.system.lookup("echo")).containsSame(second);
		assertThat(this.system.bridge().<String>call(second, "again", ONE_SECOND)).isEqualTo("again");
	}

	@Test
	void nameOfActorStoppedByItsContextCanBeReused() {
		ActorRef first = this.system.spawn("quitter", new Quitter());
		first.send("quit");
		await(() -> this.system.lookup("quitter").isEmpty());
		ActorRef second = this.system.spawn("quitter", new Echo());
		assertThat(this.system.lookup("quitter")).containsSame(second);
	}

	// Introspection

	@Test
	void actorsListsLiveActors() {
		// the activity clock is coarse: a turn or spawn may be dated earlier
		Instant before = Instant.now().minusMillis(COARSE_CLOCK_SLACK_MILLIS).truncatedTo(ChronoUnit.MILLIS);
		this.system.spawn("one", new Echo());
		this.system.spawn("two", new Echo(), SpawnOptions.defaults().withDispatcher(Dispatcher.THREAD));
		List<ActorInfo> actors = this.system.actors();
		assertThat(actors).extracting(ActorInfo::name).containsExactlyInAnyOrder("one", "two");
		assertThat(actors).allSatisfy((info) -> {
			assertThat(info.state()).isEqualTo(ActorState.RUNNING);
			assertThat(info.mailboxSize()).isZero();
			assertThat(info.processed()).isZero();
			assertThat(info.failures()).isZero();
			assertThat(info.lastActivity()).isBetween(before, Instant.now());
		});
		assertThat(this.system.actor("one").get().dispatcher()).isEqualTo(Dispatcher.SHARED);
		assertThat(this.system.actor("two").get().dispatcher()).isEqualTo(Dispatcher.THREAD);
		assertThat(this.system.actor("nobody")).isEmpty();
	}

	@Test
	void actorShowsMailboxSizeOfBlockedActor() {
		mailboxSizeOfBlockedActor(SpawnOptions.defaults());
	}

	@Test
	void actorShowsMailboxSizeOfBlockedActorWithBoundedMailbox() {
		mailboxSizeOfBlockedActor(SpawnOptions.defaults().withMailboxCapacity(10));
	}

	private void mailboxSizeOfBlockedActor(SpawnOptions options) {
		Blocker blocker = new Blocker();
		ActorRef ref = this.system.spawn("blocked", blocker, options);
		try {
			ref.send("first");
			awaitLatch(blocker.entered);
			for (int i = 0; i < 5; i++) {
				ref.send("more-" + i);
			}
			ActorInfo info = this.system.actor("blocked").get();
			assertThat(info.name()).isEqualTo("blocked");
			assertThat(info.state()).isEqualTo(ActorState.RUNNING);
			assertThat(info.mailboxSize()).isEqualTo(5);
			assertThat(this.system.actors()).singleElement().extracting(ActorInfo::mailboxSize).isEqualTo(5);
		}
		finally {
			blocker.release.countDown();
		}
		await(() -> this.system.actor("blocked").get().processed() == 6);
		ActorInfo info = this.system.actor("blocked").get();
		assertThat(info.mailboxSize()).isZero();
		assertThat(info.failures()).isZero();
	}

	@Test
	void actorCountsProcessedAndFailedMessagesAndLastActivity() throws InterruptedException {
		ActorRef ref = this.system.spawn("flaky", new Flaky());
		Instant spawned = this.system.actor("flaky").get().lastActivity();
		// the activity clock is coarse, and its thread may be late on a loaded machine:
		// wait until it has moved on, as the spawn time of a new actor shows
		Instant before = spawned;
		for (int probe = 0; !before.isAfter(spawned) && probe < 5000; probe++) {
			Thread.sleep(1);
			before = this.system.actor(this.system.spawn("probe-" + probe, new Object()).name()).get().lastActivity();
		}
		ref.send("ok");
		ref.send(new IllegalStateException("boom"));
		ref.send("ok");
		assertThat(this.system.bridge().<String>call(ref, "ok", ONE_SECOND)).isEqualTo("ok");
		await(() -> this.system.actor("flaky").get().processed() == 4);
		ActorInfo info = this.system.actor("flaky").get();
		assertThat(info.state()).isEqualTo(ActorState.RUNNING);
		assertThat(info.processed()).isEqualTo(4);
		assertThat(info.failures()).isEqualTo(1);
		assertThat(info.mailboxSize()).isZero();
		assertThat(info.lastActivity()).isAfter(spawned).isBetween(before, Instant.now());
	}

	// Spawn errors

	@Test
	void spawnNullBehaviorIsRejected() {
		assertThatExceptionOfType(InvalidBehaviorException.class)
			.isThrownBy(() -> this.system.spawn("nothing", (Object) null))
			.withMessageContaining("'nothing'");
		assertThat(this.system.lookup("nothing")).isEmpty();
	}

	@Test
	void spawnFactoryReturningNullIsRejected() {
		assertThatExceptionOfType(InvalidBehaviorException.class)
			.isThrownBy(() -> this.system.spawn("nothing", () -> null, SpawnOptions.defaults()))
			.withMessageContaining("'nothing'");
		assertThat(this.system.lookup("nothing")).isEmpty();
	}

	@Test
	void spawnStaticHandlerIsRejected() {
		assertThatExceptionOfType(InvalidBehaviorException.class)
			.isThrownBy(() -> this.system.spawn("static", new StaticHandler()))
			.withMessageContaining("'static'")
			.withMessageContaining(StaticHandler.class.getName())
			.withMessageContaining("onMessage(String)")
			.withMessageContaining("must not be static");
		assertThat(this.system.lookup("static")).isEmpty();
	}

	@Test
	void spawnHandlerWithUnsupportedParameterIsRejected() {
		assertThatExceptionOfType(InvalidBehaviorException.class)
			.isThrownBy(() -> this.system.spawn("odd", new UnsupportedParameter()))
			.withMessageContaining("'odd'")
			.withMessageContaining(UnsupportedParameter.class.getName())
			.withMessageContaining("onMessage(String, Integer)")
			.withMessageContaining("a handler takes one message");
	}

	@Test
	void spawnHandlerForStopIsRejected() {
		assertThatExceptionOfType(InvalidBehaviorException.class)
			.isThrownBy(() -> this.system.spawn("stopper", new StopHandler()))
			.withMessageContaining("'stopper'")
			.withMessageContaining(StopHandler.class.getName())
			.withMessageContaining("onStop(Stop)")
			.withMessageContaining("Stop is handled by the runtime");
	}

	@Test
	void nameOfRejectedSpawnStaysFree() {
		assertThatExceptionOfType(InvalidBehaviorException.class)
			.isThrownBy(() -> this.system.spawn("retry", new StaticHandler()));
		ActorRef ref = this.system.spawn("retry", new Echo());
		assertThat(this.system.lookup("retry")).containsSame(ref);
	}

	@Test
	void spawnDuplicateLiveNameIsRejected() {
		ActorRef first = this.system.spawn("echo", new Echo());
		assertThatExceptionOfType(ActorNameInUseException.class).isThrownBy(() -> this.system.spawn("echo", new Echo()))
			.withMessageContaining("'echo'");
		assertThatExceptionOfType(ActorNameInUseException.class)
			.isThrownBy(() -> this.system.spawn("echo", Echo::new, SpawnOptions.defaults()))
			.withMessageContaining("'echo'");
		assertThatExceptionOfType(ActorNameInUseException.class).isThrownBy(
				() -> this.system.spawn("echo", new Echo(), SpawnOptions.defaults().withDispatcher(Dispatcher.THREAD)))
			.withMessageContaining("'echo'");
		assertThat(this.system.lookup("echo")).containsSame(first);
		assertThat(this.system.actors()).hasSize(1);
	}

	@Test
	void spawnBlankNameIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.system.spawn("", new Echo()))
			.withMessageContaining("name");
		assertThatIllegalArgumentException().isThrownBy(() -> this.system.spawn("  ", new Echo()))
			.withMessageContaining("name");
		assertThat(this.system.actors()).isEmpty();
	}

	@Test
	void spawnRestartPolicyWithoutFactoryIsRejected() {
		assertThatExceptionOfType(InvalidBehaviorException.class)
			.isThrownBy(() -> this.system.spawn("restarter", new Echo(),
					SpawnOptions.defaults().withFailurePolicy(FailurePolicy.RESTART)))
			.withMessageContaining("'restarter'")
			.withMessageContaining("RESTART")
			.withMessageContaining("factory");
		assertThat(this.system.lookup("restarter")).isEmpty();
	}

	@Test
	void spawnRestartPolicyWithFactoryIsAccepted() {
		ActorRef ref = this.system.spawn("restarter", Echo::new,
				SpawnOptions.defaults().withFailurePolicy(FailurePolicy.RESTART));
		assertThat(this.system.bridge().<String>call(ref, "hi", ONE_SECOND)).isEqualTo("hi");
	}

	@Test
	void spawnAfterShutdownIsRejected() {
		this.system.shutdown(ONE_SECOND);
		assertThatExceptionOfType(ActorSystemShutdownException.class)
			.isThrownBy(() -> this.system.spawn("late", new Echo()))
			.withMessageContaining("'late'")
			.withMessageContaining(this.system.name());
		assertThatExceptionOfType(ActorSystemShutdownException.class)
			.isThrownBy(() -> this.system.spawn("late", Echo::new, SpawnOptions.defaults()))
			.withMessageContaining("'late'");
		assertThat(this.system.lookup("late")).isEmpty();
	}

	// Settings and options

	@Test
	void settingsDefaults() {
		ActorSystemSettings defaults = ActorSystemSettings.defaults();
		assertThat(defaults.name()).isEqualTo("actors");
		assertThat(defaults.dispatcher()).isEqualTo(Dispatcher.SHARED);
		assertThat(defaults.sharedPoolSize()).isEqualTo(Runtime.getRuntime().availableProcessors());
		assertThat(defaults.throughput()).isEqualTo(32);
		assertThat(defaults.mailboxCapacity()).isZero();
		assertThat(defaults.failurePolicy()).isEqualTo(FailurePolicy.RESUME);
		assertThat(defaults.bridgeTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(defaults.shutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(this.system.settings()).isEqualTo(defaults);
		assertThat(this.system.name()).isEqualTo("actors");
	}

	@Test
	void settingsRejectInvalidValuesNamingTheSetting() {
		ActorSystemSettings defaults = ActorSystemSettings.defaults();
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withThroughput(-1))
			.withMessageContaining("throughput")
			.withMessageContaining("-1");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withThroughput(0))
			.withMessageContaining("throughput");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withSharedPoolSize(-2))
			.withMessageContaining("sharedPoolSize")
			.withMessageContaining("-2");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withSharedPoolSize(0))
			.withMessageContaining("sharedPoolSize");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withMailboxCapacity(-3))
			.withMessageContaining("mailboxCapacity")
			.withMessageContaining("-3");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withBridgeTimeout(Duration.ZERO))
			.withMessageContaining("bridgeTimeout");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withBridgeTimeout(Duration.ofSeconds(-1)))
			.withMessageContaining("bridgeTimeout");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withShutdownTimeout(Duration.ZERO))
			.withMessageContaining("shutdownTimeout");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withName(" ")).withMessageContaining("name");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withDispatcher(null))
			.withMessageContaining("dispatcher");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withFailurePolicy(null))
			.withMessageContaining("failurePolicy");
		assertThat(defaults.withMailboxCapacity(0).mailboxCapacity()).isZero();
		assertThat(defaults.withThroughput(1).throughput()).isEqualTo(1);
	}

	@Test
	void spawnOptionsRejectNegativeMailboxCapacityNamingTheSetting() {
		assertThatIllegalArgumentException().isThrownBy(() -> SpawnOptions.defaults().withMailboxCapacity(-1))
			.withMessageMatching("(?is).*mailbox ?capacity.*")
			.withMessageContaining("-1");
		assertThatIllegalArgumentException().isThrownBy(() -> new SpawnOptions(null, -5, null, null, List.of()))
			.withMessageContaining("-5");
		assertThat(SpawnOptions.defaults().withMailboxCapacity(0).mailboxCapacity()).isZero();
		assertThat(SpawnOptions.defaults()).isEqualTo(new SpawnOptions(null, null, null, null, List.of()));
	}

	@Test
	void spawnOptionsRejectAStashCapacityBelowOneNamingTheSetting() {
		assertThatIllegalArgumentException().isThrownBy(() -> SpawnOptions.defaults().withStashCapacity(0))
			.withMessage("Invalid stash capacity 0: expected 1 or more");
		assertThat(SpawnOptions.defaults().withStashCapacity(1).stashCapacity()).isEqualTo(1);
	}

	@Test
	void dispatcherNamesAreTheLowerCaseConstantsReadInAnyCase() {
		assertThat(Dispatcher.SHARED.configName()).isEqualTo("shared");
		assertThat(Dispatcher.VIRTUAL.configName()).isEqualTo("virtual");
		assertThat(Dispatcher.THREAD.configName()).isEqualTo("thread");
		for (Dispatcher dispatcher : Dispatcher.values()) {
			assertThat(Dispatcher.fromName(dispatcher.configName())).isEqualTo(dispatcher);
		}
		assertThat(Dispatcher.fromName(" Virtual ")).isEqualTo(Dispatcher.VIRTUAL);
		assertThatIllegalArgumentException().isThrownBy(() -> Dispatcher.fromName("pooled"))
			.withMessage("Unknown dispatcher 'pooled': expected one of shared, virtual, thread, calling-thread");
		assertThat(Dispatcher.CALLING_THREAD.configName()).isEqualTo("calling-thread");
		assertThat(Dispatcher.fromName("CALLING_THREAD")).isEqualTo(Dispatcher.CALLING_THREAD);
	}

	@Test
	void systemWithCustomSettingsSpawnsWithThem() {
		try (ActorSystem custom = ActorSystem.create(ActorSystemSettings.defaults()
			.withName("custom")
			.withDispatcher(Dispatcher.THREAD)
			.withMailboxCapacity(3))) {
			assertThat(custom.name()).isEqualTo("custom");
			ActorRef ref = custom.spawn("echo", new Echo());
			assertThat(custom.actor("echo").get().dispatcher()).isEqualTo(Dispatcher.THREAD);
			assertThat(custom.bridge().<String>call(ref, "hi", ONE_SECOND)).isEqualTo("hi");
		}
	}

	// Helpers

	static void await(BooleanSupplier condition) {
		await(condition, Duration.ofSeconds(5));
	}

	static void await(BooleanSupplier condition, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Condition not met within " + timeout.toMillis() + " ms");
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

	static void awaitLatch(CountDownLatch latch) {
		try {
			assertThat(latch.await(5, TimeUnit.SECONDS)).as("latch reached").isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	// Behaviours

	static final class Echo {

		@Handles
		String onString(String message) {
			return message;
		}

	}

	static final class SenderRecorder {

		final BlockingQueue<Optional<ActorRef>> senders = new LinkedBlockingQueue<>();

		@Handles
		void onString(String message, @Nullable ActorRef sender) {
			this.senders.add(Optional.ofNullable(sender));
		}

	}

	static final class Quitter {

		@Handles
		void onString(String message, ActorContext context) {
			context.stop();
		}

	}

	static final class Blocker {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@Handles
		void onString(String message) throws InterruptedException {
			this.entered.countDown();
			this.release.await(5, TimeUnit.SECONDS);
		}

	}

	static final class Flaky {

		@Handles
		String onString(String message) {
			return message;
		}

		@Handles
		void onFailure(RuntimeException failure) {
			throw failure;
		}

	}

	static final class StaticHandler {

		@Handles
		static void onMessage(String message) {
		}

	}

	static final class UnsupportedParameter {

		@Handles
		void onMessage(String message, Integer other) {
		}

	}

	static final class StopHandler {

		@Handles
		void onStop(Stop stop) {
		}

	}

}
