package io.actorbeans.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.actorbeans.ActorInfo;
import io.actorbeans.ActorNameInUseException;
import io.actorbeans.ActorRef;
import io.actorbeans.ActorScheduler;
import io.actorbeans.ActorSystem;
import io.actorbeans.ActorSystemSettings;
import io.actorbeans.ActorSystemShutdownException;
import io.actorbeans.BehaviorFactory;
import io.actorbeans.CallerRef;
import io.actorbeans.ContextPropagator;
import io.actorbeans.MessageObserver;
import io.actorbeans.DeadLetter;
import io.actorbeans.DeadLetterListener;
import io.actorbeans.Dispatcher;
import io.actorbeans.FailurePolicy;
import io.actorbeans.InvalidBehaviorException;
import io.actorbeans.ShutdownReport;
import io.actorbeans.SpawnOptions;
import io.actorbeans.Terminated;
import io.actorbeans.TerminationListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ActorSystem}: a registry of live actors, their executors, the dead-letter
 * channel and the shutdown sequence.
 */
final class DefaultActorSystem implements ActorSystem {

	/*-
	 * Shutdown, in order:
	 * 1. Refuse new outside work: spawns and Bridge calls from outside the actors (the shutdown
	 *    flag). Plain sends are still accepted, and become dead letters once their actor has stopped.
	 * 2. Drain: wait, for at most three quarters of the timeout, until everything accepted has been
	 *    handled. Actors go on working meanwhile: they message, ask and pipe to each other and spawn
	 *    children, as they do at any time.
	 * 3. Send Stop (a runtime signal, which no mailbox bound refuses) to every live actor and wait for
	 *    them to end, until the deadline. A parent ends after its children.
	 * 4. Abort the actors still live: what they have not handled becomes dead letters. An actor
	 *    stuck in a handler cannot be aborted and is reported as not stopped.
	 * 5. Release the threads; fail every Bridge call and ask still open with an
	 *    ActorSystemShutdownException; complete whenTerminated() with the report.
	 *
	 * Draining is exact, not a guess from a scan. An actor is quiet when it has no turn running and
	 * an empty mailbox, but one scan of all actors can miss a message passed along a ring of actors
	 * behind it. So while draining, every message accepted by a mailbox (and every signal but a
	 * timer's tick, and every pipe or CompletionStage reply started) counts one activity, after it is
	 * enqueued. The system is drained when no pipe or CompletionStage reply is in flight, a scan finds
	 * every actor quiet, and the activity count did not move during the scan. A message that the
	 * scan missed was enqueued after its actor was seen quiet, by a turn that ended before its own
	 * actor was seen quiet, hence during the scan, and so moved the count. Timers that have not fired
	 * are not work: a periodic timer never ends.
	 *
	 * Paused timers: a tick that comes due while the timers are paused is held in a set, so one per
	 * timer, and sent when they resume. A resume and a tick can race: the tick checks the flag, a
	 * resume clears it and sends what it finds held, then the tick adds itself. So the tick, once
	 * added, checks the flag again, and whichever of the two removes it from the set sends it:
	 * exactly one does.
	 */

	// under the public name, which users configure their logging by
	private static final Logger logger = LoggerFactory.getLogger(ActorSystem.class);

	private static final Logger deadLetterLogger = LoggerFactory.getLogger("io.actorbeans.DeadLetter");

	private final ActorSystemSettings settings;

	private static final int FAILURE_POLICIES = FailurePolicy.values().length;

	private final Registry actors = new Registry();

	/**
	 * The profiles that actors on shared executors share, by dispatcher and failure
	 * policy; made on first use.
	 */
	private final @Nullable CellProfile[] sharedProfiles = new CellProfile[Dispatcher.values().length
			* FAILURE_POLICIES];

	private final ActorExecutors executors;

	private final DefaultBridge bridge;

	private final LongAdder deadLetters = new LongAdder();

	private final List<DeadLetterListener> deadLetterListeners = new CopyOnWriteArrayList<>();

	private final List<TerminationListener> terminationListeners = new CopyOnWriteArrayList<>();

	/** The wall-clock time at {@link #startNanos}, to turn nano times into instants. */
	private final Instant start = Instant.now();

	private final long startNanos = System.nanoTime();

	private final AtomicBoolean shutdown = new AtomicBoolean();

	/** Set when a shutdown starts draining: activity is counted from then on. */
	private volatile boolean draining;

	/** Messages and signals accepted, and pipes started, while draining. */
	private final AtomicLong activity = new AtomicLong();

	/** The pipes and CompletionStage replies that have not completed yet. */
	private final AtomicInteger stagesInFlight = new AtomicInteger();

	/** Set while the timers are paused: their ticks wait in {@link #heldTicks}. */
	private volatile boolean timersPaused;

	/** The ticks that came due while the timers were paused, one per timer. */
	private final Set<TimerSignal> heldTicks = ConcurrentHashMap.newKeySet();

	/** Set once the shutdown has released the threads: nothing runs any more. */
	private volatile boolean terminated;

	/** The Bridge calls parked for their reply and the asks not completed yet. */
	private final Set<ReplySlot> openSlots = ConcurrentHashMap.newKeySet();

	private final AtomicInteger terminatedActors = new AtomicInteger();

	/**
	 * Actors whose end is being announced: out of the registry, their watchers, parent or
	 * termination listeners not all told yet. A shutdown waits for them too.
	 */
	private final AtomicInteger announcing = new AtomicInteger();

	private final CompletableFuture<ShutdownReport> termination = new CompletableFuture<>();

	/**
	 * Watched actor to its watchers. A set is changed only inside the map's atomic
	 * operations.
	 */
	private final ConcurrentHashMap<ActorCell, Set<ActorCell>> watchers = new ConcurrentHashMap<>();

	private final int throughput;

	/**
	 * System.nanoTime() as of at most {@link #COARSE_CLOCK_PERIOD_MILLIS} ago, refreshed
	 * by the scheduler thread: what an actor's turn records as its last activity, which a
	 * clock read per turn would make cost twice as much.
	 */
	private volatile long coarseNanos = System.nanoTime();

	/** How often the coarse clock is refreshed. */
	static final long COARSE_CLOCK_PERIOD_MILLIS = 10;

	/** What carries a context with each message, if anything does. */
	final @Nullable ContextPropagator propagator;

	/**
	 * What runs the timers, the ask timeouts and the held ticks: the system's scheduler
	 * thread, or the scheduler it was given.
	 */
	private final ActorScheduler scheduler;

	/** What observes each message an actor handles, if anything does. */
	final @Nullable MessageObserver observer;

	/** How handlers' results that stand for a later reply reply. */
	final StageReplies stageReplies;

	DefaultActorSystem(ActorSystemSettings settings, @Nullable ActorScheduler scheduler) {
		this.settings = settings;
		this.propagator = settings.contextPropagator();
		this.observer = settings.messageObserver();
		this.stageReplies = new StageReplies(this, settings.replyAdapter());
		this.throughput = settings.throughput();
		this.executors = new ActorExecutors(settings);
		this.scheduler = (scheduler != null) ? scheduler : new ExecutorActorScheduler(this.executors.scheduler());
		this.bridge = new DefaultBridge(this);
		this.executors.scheduler()
			.scheduleAtFixedRate(() -> this.coarseNanos = System.nanoTime(), COARSE_CLOCK_PERIOD_MILLIS,
					COARSE_CLOCK_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
	}

	/**
	 * The context to carry with a message sent from the current thread. Thread-safe.
	 * @return the propagator's capture, or {@code null} without a propagator
	 */
	@Nullable Object captureContext() {
		ContextPropagator propagator = this.propagator;
		return (propagator != null) ? propagator.capture() : null;
	}

	/**
	 * {@link System#nanoTime()} as of at most about {@link #COARSE_CLOCK_PERIOD_MILLIS}
	 * ms ago, for a volatile read. Thread-safe.
	 */
	long coarseNanoTime() {
		return this.coarseNanos;
	}

	@Override
	public String name() {
		return this.settings.name();
	}

	@Override
	public ActorSystemSettings settings() {
		return this.settings;
	}

	int throughput() {
		return this.throughput;
	}

	@Override
	public ActorRef spawn(String name, Object behavior) {
		return spawn(name, behavior, SpawnOptions.defaults());
	}

	@Override
	public ActorRef spawn(String name, Object behavior, SpawnOptions options) {
		FailurePolicy policy = policy(options);
		if (policy == FailurePolicy.RESTART) {
			throw new InvalidBehaviorException("Cannot spawn actor '" + name
					+ "': failure policy RESTART needs a factory to make a fresh behaviour; spawn it with a "
					+ "BehaviorFactory, or choose RESUME or STOP");
		}
		requireValidName(name, null);
		requireSpawnAllowed(name);
		return spawnCell(name, behavior, null, options, policy);
	}

	@Override
	public ActorRef spawn(String name, BehaviorFactory factory, SpawnOptions options) {
		Objects.requireNonNull(factory, "'factory' must not be null");
		requireSpawnAllowed(name);
		Object behavior = factory.create();
		try {
			requireValidName(name, null);
			return spawnCell(name, behavior, factory, options, policy(options));
		}
		catch (RuntimeException | Error ex) {
			// the actor never existed: its behaviour goes back to the factory
			if (behavior != null) {
				try {
					factory.destroy(behavior);
				}
				catch (Throwable destroyFailure) {
					ex.addSuppressed(destroyFailure);
				}
			}
			throw ex;
		}
	}

	private FailurePolicy policy(SpawnOptions options) {
		Objects.requireNonNull(options, "'options' must not be null");
		return (options.failurePolicy() != null) ? options.failurePolicy() : this.settings.failurePolicy();
	}

	/**
	 * Spawn a child of an actor, named {@code <parent>/<name>}. From a handler of the
	 * parent; allowed while a shutdown drains, as the actors' other work is.
	 */
	ActorRef spawnChild(ActorCell parent, String name, Object behavior, SpawnOptions options) {
		requireValidName(name, parent);
		FailurePolicy policy = policy(options);
		if (policy == FailurePolicy.RESTART) {
			throw new InvalidBehaviorException("Cannot spawn child '" + name + "' of actor '" + parent.name()
					+ "': failure policy RESTART needs a factory; choose RESUME or STOP");
		}
		if (this.terminated) {
			throw shuttingDown("spawn child '" + name + "' of actor '" + parent.name() + "'");
		}
		parent.expectChild();
		ActorCell child;
		try {
			child = spawnCell(parent.name() + "/" + name, behavior, null, options, policy);
		}
		catch (RuntimeException | Error ex) {
			parent.childNotSpawned();
			throw ex;
		}
		parent.adopt(child);
		return child;
	}

	/** Refuse a spawn from outside the actors once a shutdown has started. */
	private void requireSpawnAllowed(String name) {
		if (this.shutdown.get()) {
			throw shuttingDown("spawn actor '" + name + "'");
		}
	}

	private ActorCell spawnCell(String name, @Nullable Object behavior, @Nullable BehaviorFactory factory,
			SpawnOptions options, FailurePolicy policy) {
		if (behavior == null) {
			throw new InvalidBehaviorException("Cannot spawn actor '" + name + "': the behaviour is null");
		}
		HandlerTable handlers;
		try {
			handlers = HandlerTable.of(behavior.getClass());
		}
		catch (InvalidBehaviorException ex) {
			throw new InvalidBehaviorException("Cannot spawn actor '" + name + "': " + ex.getMessage());
		}
		Dispatcher dispatcher = (options.dispatcher() != null) ? options.dispatcher() : this.settings.dispatcher();
		int capacity = (options.mailboxCapacity() != null) ? options.mailboxCapacity()
				: this.settings.mailboxCapacity();
		// the spawner's context, which the spawn's timers carry; captured before anything
		// needs undoing
		Object context = options.periodicTimers().isEmpty() ? null : captureContext();
		CellProfile profile = profile(name, dispatcher, policy, capacity, factory);
		ActorCell cell = new ActorCell(name, profile, behavior, handlers);
		if (options.stashCapacity() != null) {
			cell.useStashCapacity(options.stashCapacity());
		}
		if (!options.periodicTimers().isEmpty()) {
			cell.startTimersFirst(options.periodicTimers(), context);
		}
		if (this.actors.putIfAbsent(cell) != null) {
			this.executors.release(profile.executor);
			throw nameInUse(name);
		}
		// a child may be spawned while a shutdown drains, an actor from outside may not
		if (cell.isChild() ? this.terminated : this.shutdown.get()) {
			this.actors.remove(cell);
			this.executors.release(profile.executor);
			throw shuttingDown("spawn actor '" + name + "'");
		}
		cell.activate();
		return cell;
	}

	private static void requireValidName(@Nullable String name, @Nullable ActorCell parent) {
		if (name == null || name.isBlank() || name.indexOf('/') >= 0) {
			String invalid = (parent != null)
					? "Invalid name '" + name + "' for a child of actor '" + parent.name() + "'"
					: "Invalid actor name '" + name + "'";
			throw new IllegalArgumentException(invalid + ": expected a non-blank name without '/'");
		}
	}

	/**
	 * The profile of a new actor: the shared one for its dispatcher and policy if it can
	 * share one (see CellProfile), else its own. Thread-safe.
	 */
	private CellProfile profile(String name, Dispatcher dispatcher, FailurePolicy policy, int capacity,
			@Nullable BehaviorFactory factory) {
		if (dispatcher == Dispatcher.THREAD || capacity > 0 || factory != null) {
			return new CellProfile(this, this.executors.forActor(name, dispatcher), policy, capacity, factory);
		}
		int index = dispatcher.ordinal() * FAILURE_POLICIES + policy.ordinal();
		CellProfile shared = this.sharedProfiles[index];
		if (shared == null) {
			// Racy but benign: a profile is immutable, so a thread that makes another one
			// for the same slot only wastes it.
			shared = new CellProfile(this, this.executors.forActor(name, dispatcher), policy, 0, null);
			this.sharedProfiles[index] = shared;
		}
		return shared;
	}

	private ActorNameInUseException nameInUse(String name) {
		return new ActorNameInUseException("Cannot spawn actor '" + name + "': a live actor of system '" + name()
				+ "' already has that name; stop it first or choose another name");
	}

	/**
	 * The exception for an action refused because the system is shutting down; callers
	 * check {@link #isShutdown()} first, so that the hot paths build no message.
	 * Thread-safe.
	 */
	ActorSystemShutdownException shuttingDown(String action) {
		return new ActorSystemShutdownException(
				"Cannot " + action + ": actor system '" + name() + "' is shutting down");
	}

	@Override
	public Optional<ActorRef> lookup(String name) {
		return Optional.ofNullable(this.actors.get(name));
	}

	@Override
	public DefaultBridge bridge() {
		return this.bridge;
	}

	@Override
	public List<ActorInfo> actors() {
		List<ActorCell> cells = this.actors.cells();
		List<ActorInfo> infos = new ArrayList<>(cells.size());
		for (ActorCell cell : cells) {
			infos.add(cell.snapshot());
		}
		return infos;
	}

	@Override
	public Optional<ActorInfo> actor(String name) {
		ActorCell cell = this.actors.get(name);
		return (cell != null) ? Optional.of(cell.snapshot()) : Optional.empty();
	}

	/** What runs the timers, the ask timeouts and the held ticks. Thread-safe. */
	ActorScheduler scheduler() {
		return this.scheduler;
	}

	@Override
	public Map<String, ExecutorService> threadPools() {
		return this.executors.threadPools();
	}

	// Paused timers (see the top comment)

	@Override
	public void pauseTimers() {
		this.timersPaused = true;
	}

	@Override
	public void resumeTimers() {
		this.timersPaused = false;
		if (this.heldTicks.isEmpty()) {
			return;
		}
		try {
			this.scheduler.schedule(this::sendHeldTicks, 0, TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			// the system has shut down: its actors have ended, and their ticks with them
		}
	}

	/**
	 * Whether a tick that has come due must wait for {@link #resumeTimers()}; if so, it
	 * is held. Called on the thread of the ActorScheduler.
	 */
	boolean holdTick(TimerSignal tick) {
		if (!this.timersPaused) {
			return false;
		}
		this.heldTicks.add(tick);
		return this.timersPaused || !this.heldTicks.remove(tick);
	}

	private void sendHeldTicks() {
		for (TimerSignal tick : this.heldTicks) {
			if (this.heldTicks.remove(tick)) {
				tick.fire();
			}
		}
	}

	Dispatcher dispatcherOf(Executor executor) {
		return this.executors.dispatcherOf(executor);
	}

	/** The instant of a {@link System#nanoTime()} reading. Thread-safe. */
	Instant instantOf(long nanoTime) {
		return this.start.plusNanos(nanoTime - this.startNanos);
	}

	/**
	 * The cell of a ref, for an operation that needs an actor of this system.
	 * Thread-safe.
	 * @throws IllegalArgumentException if the ref is not an actor of this system
	 */
	ActorCell cellOf(ActorRef ref, String operation) {
		Objects.requireNonNull(ref, "'ref' must not be null");
		if (ref instanceof ActorCell cell && cell.system() == this) {
			return cell;
		}
		throw new IllegalArgumentException(
				"Cannot " + operation + " " + ref + ": it is not an actor of system '" + name() + "'");
	}

	/**
	 * Have a watcher sent a Terminated when the target ends: at once if it has ended
	 * already. Thread-safe.
	 */
	void watch(ActorCell target, ActorCell watcher) {
		boolean[] endedAlready = new boolean[1];
		this.watchers.compute(target, (key, watching) -> {
			// The target sets FINISHED before it takes its watchers out of the map, so
			// this
			// either adds the watcher before that or sees FINISHED.
			if (target.isFinished()) {
				endedAlready[0] = true;
				return watching;
			}
			return add(watching, watcher);
		});
		if (endedAlready[0]) {
			watcher.offerSignal(new WatchSignal(new Terminated(target, target.hasFailed())), null);
		}
	}

	/** Stop a watch. Thread-safe. */
	void unwatch(ActorCell target, ActorCell watcher) {
		this.watchers.computeIfPresent(target, (key, watching) -> remove(watching, watcher));
	}

	private static Set<ActorCell> add(@Nullable Set<ActorCell> set, ActorCell cell) {
		Set<ActorCell> result = (set != null) ? set : new HashSet<>();
		result.add(cell);
		return result;
	}

	private static @Nullable Set<ActorCell> remove(Set<ActorCell> set, ActorCell cell) {
		set.remove(cell);
		return set.isEmpty() ? null : set;
	}

	/**
	 * Called once per actor, by the thread that finishes it, after its children have
	 * finished.
	 */
	void onTerminated(ActorCell cell, boolean failed) {
		this.terminatedActors.incrementAndGet();
		this.announcing.incrementAndGet();
		try {
			this.actors.remove(cell);
			Set<ActorCell> watching = this.watchers.remove(cell);
			if (watching != null) {
				Terminated terminated = new Terminated(cell, failed);
				for (ActorCell watcher : watching) {
					watcher.offerSignal(new WatchSignal(terminated), null);
				}
			}
			String parentName = cell.parentName();
			if (parentName != null) {
				// a parent stays registered until its last child has finished
				Objects.requireNonNull(this.actors.get(parentName), parentName).childFinished();
			}
			if (failed) {
				logger.warn("Actor '{}' of system '{}' has stopped after a failure", cell.name(), name());
			}
			if (!this.terminationListeners.isEmpty()) {
				ActorInfo info = cell.snapshot();
				for (TerminationListener listener : this.terminationListeners) {
					try {
						listener.onTerminated(info);
					}
					catch (Throwable ex) {
						logger.warn("Termination listener {} failed", listener, ex);
					}
				}
			}
		}
		finally {
			this.announcing.decrementAndGet();
		}
	}

	@Override
	public void addTerminationListener(TerminationListener listener) {
		this.terminationListeners.add(Objects.requireNonNull(listener, "'listener' must not be null"));
	}

	@Override
	public void removeTerminationListener(TerminationListener listener) {
		this.terminationListeners.remove(listener);
	}

	// Dead letters

	@Override
	public long deadLetterCount() {
		return this.deadLetters.sum();
	}

	@Override
	public void addDeadLetterListener(DeadLetterListener listener) {
		this.deadLetterListeners.add(Objects.requireNonNull(listener, "'listener' must not be null"));
	}

	@Override
	public void removeDeadLetterListener(DeadLetterListener listener) {
		this.deadLetterListeners.remove(listener);
	}

	/** Count, log and publish a message that was not handled. Thread-safe. */
	void deadLetter(Object message, @Nullable ActorRef sender, ActorRef recipient, DeadLetter.Reason reason) {
		if (message instanceof Signal signal) {
			message = signal.payload();
		}
		this.deadLetters.increment();
		if (deadLetterLogger.isDebugEnabled()) {
			deadLetterLogger.debug("Dead letter {} to '{}' from {}: {}", reason, recipient.name(),
					(sender != null) ? "'" + sender.name() + "'" : "no sender", message.getClass().getName());
		}
		if (sender instanceof CallerRef caller && sender != recipient) {
			caller.requestFailed(this.bridge.failureFor(reason, recipient, message));
		}
		if (!this.deadLetterListeners.isEmpty()) {
			DeadLetter deadLetter = new DeadLetter(message, sender, recipient, reason);
			for (DeadLetterListener listener : this.deadLetterListeners) {
				try {
					listener.onDeadLetter(deadLetter);
				}
				catch (Throwable ex) {
					logger.warn("Dead letter listener {} failed", listener, ex);
				}
			}
		}
	}

	// Shutdown

	@Override
	public boolean isShutdown() {
		return this.shutdown.get();
	}

	@Override
	public CompletionStage<ShutdownReport> whenTerminated() {
		return this.termination.copy();
	}

	@Override
	public void close() {
		shutdown(this.settings.shutdownTimeout());
	}

	@Override
	public ShutdownReport shutdown(Duration timeout) {
		Objects.requireNonNull(timeout, "'timeout' must not be null");
		if (!this.shutdown.compareAndSet(false, true)) {
			return this.termination.join();
		}
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		long deadLettersBefore = deadLetterCount();
		int terminatedBefore = this.terminatedActors.get();
		awaitDrained(start + timeout.toNanos() * 3 / 4);
		for (ActorCell cell : this.actors.cells()) {
			cell.stopBySystem();
		}
		awaitNoActors(deadline);
		for (ActorCell cell : this.actors.cells()) {
			cell.abort();
		}
		awaitNoActors(System.nanoTime() + Duration.ofMillis(100).toNanos());
		List<String> notStopped = new ArrayList<>();
		for (ActorCell cell : this.actors.cells()) {
			notStopped.add(cell.name());
		}
		this.executors.shutdown();
		this.terminated = true;
		failOpenSlots();
		ShutdownReport report = new ShutdownReport(this.terminatedActors.get() - terminatedBefore,
				deadLetterCount() - deadLettersBefore, notStopped, Duration.ofNanos(System.nanoTime() - start));
		logger.info("Actor system '{}' shut down in {} ms: {} actors stopped, {} dead letters{}", name(),
				report.took().toMillis(), report.actorsStopped(), report.deadLetters(),
				notStopped.isEmpty() ? "" : ", still running: " + notStopped);
		this.termination.complete(report);
		return report;
	}

	/** Wait until everything accepted has been handled (see the top comment). */
	private void awaitDrained(long deadline) {
		this.draining = true;
		while (System.nanoTime() < deadline) {
			long before = this.activity.get();
			if (this.stagesInFlight.get() == 0 && this.actors.allMatch(ActorCell::isQuiet)
					&& this.activity.get() == before) {
				return;
			}
			pause();
		}
	}

	/**
	 * Count one activity if a shutdown is draining. Called by any thread after it has
	 * enqueued a message or a signal, or started a pipe.
	 */
	void countIfDraining() {
		if (this.draining) {
			this.activity.incrementAndGet();
		}
	}

	/** A pipe or a CompletionStage reply has started. Thread-safe. */
	void stageStarted() {
		this.stagesInFlight.incrementAndGet();
		countIfDraining();
	}

	/**
	 * A pipe or a CompletionStage reply has completed, and sent what it had to.
	 * Thread-safe.
	 */
	void stageEnded() {
		this.stagesInFlight.decrementAndGet();
	}

	/** Whether the shutdown has released the threads. Thread-safe. */
	boolean isTerminated() {
		return this.terminated;
	}

	/**
	 * Keep a slot whose caller waits (a parked call, an ask) until it completes, so that
	 * a shutdown can fail it. Thread-safe.
	 */
	void open(ReplySlot slot) {
		this.openSlots.add(slot);
		if (this.terminated) {
			slot.fail(systemShutDown(slot.target()));
		}
	}

	/** Forget a slot that has completed. Thread-safe. */
	void close(ReplySlot slot) {
		this.openSlots.remove(slot);
	}

	private void failOpenSlots() {
		for (ReplySlot slot : this.openSlots) {
			slot.fail(systemShutDown(slot.target()));
		}
	}

	private ActorSystemShutdownException systemShutDown(ActorRef target) {
		return new ActorSystemShutdownException(
				"No reply from actor '" + target.name() + "': actor system '" + name() + "' has shut down");
	}

	private void awaitNoActors(long deadline) {
		while ((!this.actors.isEmpty() || this.announcing.get() != 0) && System.nanoTime() < deadline) {
			pause();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public String toString() {
		return "ActorSystem[" + name() + "]";
	}

}
