package io.actorbeans;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;

import io.actorbeans.internal.ActorRuntime;

/**
 * A set of actors that share dispatchers, a name space, a {@link Bridge} and a
 * dead-letter channel. Actors are many and cheap: an idle actor is a small object and
 * holds no thread.
 * <p>
 * Thread-safe: every method may be called from any thread, including from handlers.
 *
 * <pre class="code">
 * try (ActorSystem system = ActorSystem.create()) {
 *     ActorRef positives = system.spawn("positives", new Warehouse());
 *     positives.send(42);
 *     List&lt;Integer&gt; inventory = system.bridge().call(positives, new GetInventory(), Duration.ofSeconds(1));
 * }
 * </pre>
 *
 * @since 0.1.0
 */
public interface ActorSystem extends AutoCloseable {

	/**
	 * Start a system with {@link ActorSystemSettings#defaults()}.
	 * @return a running system
	 */
	static ActorSystem create() {
		return create(ActorSystemSettings.defaults());
	}

	/**
	 * Start a system with the given settings.
	 * @param settings the settings
	 * @return a running system
	 */
	static ActorSystem create(ActorSystemSettings settings) {
		return ActorRuntime.start(settings);
	}

	/**
	 * Start a system whose timers, ask timeouts and held ticks run on the given scheduler
	 * instead of a scheduler thread of its own: a test's virtual time, say. The system
	 * does not shut the scheduler down.
	 * @param settings the settings
	 * @param scheduler the scheduler
	 * @return a running system
	 */
	static ActorSystem create(ActorSystemSettings settings, ActorScheduler scheduler) {
		return ActorRuntime.start(settings, Objects.requireNonNull(scheduler, "'scheduler' must not be null"));
	}

	/**
	 * The system's name.
	 * @return the name from its settings
	 */
	String name();

	/**
	 * The settings the system was started with.
	 * @return the settings
	 */
	ActorSystemSettings settings();

	/**
	 * Spawn an actor with the system's default options. The behaviour's
	 * {@link Handles @Handles} methods are validated first.
	 * @param name a name no live actor of this system has
	 * @param behavior the object whose handlers receive the messages; the actor owns it
	 * from now on
	 * @return the actor's ref
	 * @throws InvalidBehaviorException if the behaviour is null or its handlers are
	 * invalid, or the system's default failure policy is {@link FailurePolicy#RESTART}
	 * (which needs a factory)
	 * @throws ActorNameInUseException if a live actor has the name
	 * @throws DispatcherUnavailableException if the default dispatcher cannot run on this
	 * JVM
	 * @throws ActorSystemShutdownException if the system is shutting down
	 */
	ActorRef spawn(String name, Object behavior);

	/**
	 * Spawn an actor with its own options.
	 * @param name a name no live actor of this system has
	 * @param behavior the object whose handlers receive the messages
	 * @param options the options, {@code null} components taken from the settings
	 * @return the actor's ref
	 * @throws InvalidBehaviorException if the behaviour is null or its handlers are
	 * invalid, or the failure policy (the options' or the system's default) is
	 * {@link FailurePolicy#RESTART}, which needs a factory
	 * @throws ActorNameInUseException if a live actor has the name
	 * @throws DispatcherUnavailableException if the dispatcher cannot run on this JVM
	 * @throws ActorSystemShutdownException if the system is shutting down
	 */
	ActorRef spawn(String name, Object behavior, SpawnOptions options);

	/**
	 * Spawn an actor whose behaviour comes from a factory, called now and at every
	 * restart.
	 * @param name a name no live actor of this system has
	 * @param factory makes the behaviour
	 * @param options the options, {@code null} components taken from the settings
	 * @return the actor's ref
	 * @throws InvalidBehaviorException if the factory returns null or its handlers are
	 * invalid
	 * @throws ActorNameInUseException if a live actor has the name
	 * @throws DispatcherUnavailableException if the dispatcher cannot run on this JVM
	 * @throws ActorSystemShutdownException if the system is shutting down
	 */
	ActorRef spawn(String name, BehaviorFactory factory, SpawnOptions options);

	/**
	 * The live actor of a name.
	 * @param name the name
	 * @return its ref, or empty if no live actor has it
	 */
	Optional<ActorRef> lookup(String name);

	/**
	 * The Bridge of this system, for code that is not an actor to call actors. One Bridge
	 * may be shared by any number of threads.
	 * @return the Bridge
	 */
	Bridge bridge();

	/**
	 * A snapshot of every live actor; an actor that has ended is no longer listed.
	 * @return the actors, in no particular order
	 */
	List<ActorInfo> actors();

	/**
	 * A snapshot of one live actor.
	 * @param name the name
	 * @return its snapshot, or empty if no live actor has the name
	 */
	Optional<ActorInfo> actor(String name);

	/**
	 * The number of dead letters since the system started.
	 * @return the count
	 */
	long deadLetterCount();

	/**
	 * Register a listener for every dead letter from now on.
	 * @param listener the listener
	 */
	void addDeadLetterListener(DeadLetterListener listener);

	/**
	 * Remove a listener registered before; does nothing if it was not.
	 * @param listener the listener
	 */
	void removeDeadLetterListener(DeadLetterListener listener);

	/**
	 * Register a listener for every actor that ends from now on.
	 * @param listener the listener
	 */
	void addTerminationListener(TerminationListener listener);

	/**
	 * Remove a listener registered before; does nothing if it was not.
	 * @param listener the listener
	 */
	void removeTerminationListener(TerminationListener listener);

	/**
	 * Hold the ticks of every timer of this system, periodic and single, until
	 * {@link #resumeTimers()}: the timers stay scheduled, and a tick that comes due
	 * meanwhile waits, one per timer, instead of reaching its actor. Messages are
	 * delivered as usual. Does nothing if the timers are paused already. Thread-safe.
	 */
	void pauseTimers();

	/**
	 * Let the timers tick again after {@link #pauseTimers()}: each tick that came due
	 * during the pause is sent now, once per timer. Does nothing if the timers are not
	 * paused. Thread-safe.
	 */
	void resumeTimers();

	/**
	 * The thread pools the system owns, by name, for monitoring only (such as an
	 * executor-metrics binder): the shared dispatcher's {@code ForkJoinPool},
	 * {@code <name>-shared}, and the {@code ScheduledThreadPoolExecutor} of timers and
	 * timeouts, {@code <name>-scheduler} (with an {@link ActorScheduler} of the caller's,
	 * it only keeps the system's coarse clock). The system submits to them and shuts them
	 * down; anything else that does so breaks it. Thread-safe.
	 * @return the pools by name, in that order, unmodifiable
	 */
	Map<String, ExecutorService> threadPools();

	/**
	 * Whether a shutdown has begun.
	 * @return {@code true} once {@link #shutdown(Duration)} or {@link #close()} was
	 * called
	 */
	boolean isShutdown();

	/**
	 * Completes with the shutdown's report once the system has shut down.
	 * @return the stage
	 */
	CompletionStage<ShutdownReport> whenTerminated();

	/**
	 * Shut down gracefully: refuse new spawns and Bridge calls, let actors handle what
	 * they have already accepted, stop them, and release the threads. Waits at most the
	 * timeout, then reports what it could not finish. Calling it again waits for the
	 * first shutdown and returns its report.
	 * @param timeout how long to wait for the actors
	 * @return what the shutdown achieved
	 */
	ShutdownReport shutdown(Duration timeout);

	/**
	 * {@link #shutdown(Duration)} with the settings' shutdown timeout.
	 */
	@Override
	void close();

}
