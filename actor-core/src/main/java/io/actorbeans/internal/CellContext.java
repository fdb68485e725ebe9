package io.actorbeans.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiFunction;

import io.actorbeans.ActorContext;
import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.SpawnOptions;
import io.actorbeans.Timers;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ActorContext} of one actor, and the state that few actors need, made on
 * first use (the first handler that asks for a context, the first failure, a Stop): the
 * sender of the message being handled, the failure count, and the {@link CellFeatures}
 * (stash, behaviours, timers, watches) once one is used. Only from the actor's own thread
 * (or the thread that holds its schedule once it has terminated), but for the failure
 * count, which monitoring threads read.
 */
final class CellContext implements ActorContext {

	/*-
	 * A separate object rather than the cell itself, so that no ActorRef can be cast into a
	 * context, and so that an idle actor pays one null field for it: the sender of the message being
	 * handled (only a context can tell it), the actor to reply Stopped to once a Stop is taken, and
	 * the failure count live here. The features' state is one more object, so that the many actors
	 * whose handlers take a context but never stash, become, start a timer or watch stay small.
	 */

	private static final VarHandle FAILURES;

	private static final VarHandle SIGNALS;

	static {
		try {
			FAILURES = MethodHandles.lookup().findVarHandle(CellContext.class, "failures", long.class);
			SIGNALS = MethodHandles.lookup().findVarHandle(CellContext.class, "signals", long.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final ActorCell cell;

	/**
	 * The sender of the message being handled; once a Stop is taken, the actor to reply
	 * Stopped to. Read and written by the cell's consumer only.
	 */
	@Nullable ActorRef sender;

	/** The context the message being handled carried, if any. */
	@Nullable Object carried;

	/** Written by the cell's consumer only, read by monitoring threads. */
	private long failures;

	/**
	 * The runtime signals the handlers took. Written by the cell's consumer only, read by
	 * monitoring threads.
	 */
	private long signals;

	/** The message being handled, while a handler that takes the context runs. */
	private @Nullable Object current;

	/** The stash, behaviours, timers and watches, made on first use. */
	private @Nullable CellFeatures features;

	CellContext(ActorCell cell) {
		this.cell = cell;
	}

	/** A context whose features have a stash capacity of their own. At spawn. */
	CellContext(ActorCell cell, int stashCapacity) {
		this.cell = cell;
		this.features = new CellFeatures(cell, stashCapacity);
	}

	/** Enter a handler for this message. Actor's thread only. */
	CellContext enter(Object message) {
		this.current = message;
		return this;
	}

	/**
	 * Whether the handler that entered stashed its message. Actor's thread only, after a
	 * handler that took the context.
	 */
	boolean stashedCurrent() {
		return this.current == null;
	}

	/** Leave the handler. Actor's thread only. */
	void leave() {
		this.current = null;
		this.sender = null;
	}

	@Override
	public ActorRef self() {
		return this.cell;
	}

	@Override
	public @Nullable ActorRef sender() {
		return this.sender;
	}

	@Override
	public void reply(Object message) {
		this.cell.reply(this.sender, message);
	}

	@Override
	public ActorSystem system() {
		return this.cell.system();
	}

	@Override
	public void stop() {
		this.cell.requestStop();
	}

	/** Count a handler failure. Called by the cell's consumer only. */
	void countFailure() {
		FAILURES.setOpaque(this, this.failures + 1);
	}

	/** Count a runtime signal a handler took. Called by the cell's consumer only. */
	void countSignal() {
		SIGNALS.setOpaque(this, this.signals + 1);
	}

	/** The runtime signals handled so far. Any thread; a snapshot, never torn. */
	long getSignalsOpaque() {
		return (long) SIGNALS.getOpaque(this);
	}

	/** The handler failures so far. Any thread; a snapshot, never torn. */
	long getFailuresOpaque() {
		return (long) FAILURES.getOpaque(this);
	}

	// Stash

	@Override
	public void stash() {
		Object message = this.current;
		if (message == null) {
			throw new IllegalStateException("Actor '" + this.cell.name()
					+ "' can stash only the message being handled, from its handler, once");
		}
		this.current = null;
		features().stash(message, this.sender, this.carried);
	}

	@Override
	public void unstashAll() {
		if (this.features != null) {
			this.features.unstashAll();
		}
	}

	@Override
	public int stashSize() {
		return (this.features != null) ? this.features.stashSize() : 0;
	}

	// Behaviours

	@Override
	public void become(Object behavior) {
		features().become(behavior);
	}

	@Override
	public void unbecome() {
		features().unbecome();
	}

	// Timers

	@Override
	public Timers timers() {
		return features().timers();
	}

	// Watch

	@Override
	public void watch(ActorRef actor) {
		features().watch(this.cell.system().cellOf(actor, "watch"));
	}

	@Override
	public void unwatch(ActorRef actor) {
		if (this.features != null) {
			this.features.unwatch(actor);
		}
	}

	// Ask, pipe, children

	@Override
	public <T> CompletableFuture<T> ask(ActorRef target, Object request, Duration timeout) {
		return this.cell.system().bridge().askFromActor(target, request, timeout);
	}

	@Override
	public <T> void pipeToSelf(CompletionStage<T> future,
			BiFunction<? super @Nullable T, ? super @Nullable Throwable, ?> mapper) {
		Objects.requireNonNull(future, "'future' must not be null");
		Objects.requireNonNull(mapper, "'mapper' must not be null");
		ActorCell self = this.cell;
		DefaultActorSystem system = self.system();
		// the outcome carries this handler's context, whichever thread completes the
		// future
		Object context = system.captureContext();
		// work in flight until it completes, which a graceful shutdown waits for
		system.stageStarted();
		future.whenComplete((value, failure) -> {
			try {
				self.deliver(new PipedSignal(value, unwrap(failure), mapper), null, context);
			}
			finally {
				system.stageEnded();
			}
		});
	}

	private static @Nullable Throwable unwrap(@Nullable Throwable failure) {
		return (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause() : failure;
	}

	@Override
	public ActorRef spawn(String name, Object behavior) {
		return spawn(name, behavior, SpawnOptions.defaults());
	}

	@Override
	public ActorRef spawn(String name, Object behavior, SpawnOptions options) {
		return this.cell.system().spawnChild(this.cell, name, behavior, options);
	}

	/**
	 * Runs tasks on this actor's thread, between its messages, as runtime signals;
	 * rejects them once the actor has ended. Thread-safe.
	 * @return the executor
	 */
	Executor actorThread() {
		return this::runOnActorThread;
	}

	private void runOnActorThread(Runnable task) {
		if (!this.cell.offerSignal(new TaskSignal(task), null)) {
			throw new RejectedExecutionException("Actor '" + this.cell.name() + "' has ended; cannot run " + task);
		}
	}

	// The state of the features, for the cell

	/** The features' state, made on first use. Actor's thread only. */
	CellFeatures features() {
		CellFeatures features = this.features;
		if (features == null) {
			features = new CellFeatures(this.cell, SpawnOptions.DEFAULT_STASH_CAPACITY);
			this.features = features;
		}
		return features;
	}

	/** The features' state, or {@code null} if none was made. Actor's thread only. */
	@Nullable CellFeatures featuresIfAny() {
		return this.features;
	}

	@Override
	public String toString() {
		return "ActorContext[" + this.cell.name() + "]";
	}

}
