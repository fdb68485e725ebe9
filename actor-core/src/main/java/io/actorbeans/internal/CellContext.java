package io.actorbeans.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import io.actorbeans.ActorContext;
import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ActorContext} of one actor, and the state that few actors need, made on
 * first use: the first handler that asks for a context, the first failure, a Stop.
 */
final class CellContext implements ActorContext {

	/*-
	 * A separate object rather than the cell itself, so that no ActorRef can be cast into a
	 * context. Every method works on the message being handled, so the context is valid only during
	 * a handler, on the actor's thread.
	 *
	 * It also keeps the state of its actor that an idle actor need not carry in its cell: the sender
	 * of the message being handled (only a context can tell it), the actor to reply Stopped to once
	 * a Stop is taken, and the failure count.
	 */

	private static final VarHandle FAILURES;

	static {
		try {
			FAILURES = MethodHandles.lookup().findVarHandle(CellContext.class, "failures", long.class);
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

	/** Written by the cell's consumer only, read by monitoring threads. */
	private long failures;

	CellContext(ActorCell cell) {
		this.cell = cell;
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

	/** The handler failures so far. Any thread; a snapshot, never torn. */
	long getFailuresOpaque() {
		return (long) FAILURES.getOpaque(this);
	}

	@Override
	public String toString() {
		return "ActorContext[" + this.cell.name() + "]";
	}

}
