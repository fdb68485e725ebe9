package io.actorbeans.internal;

import io.actorbeans.ActorContext;
import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ActorContext} of one actor, made on the first handler that asks for it.
 */
final class CellContext implements ActorContext {

	/*-
	 * A separate object rather than the cell itself, so that no ActorRef can be cast into a
	 * context. Every method delegates to state the cell keeps for the message being handled, so the
	 * context is valid only during a handler, on the actor's thread.
	 */

	private final ActorCell cell;

	CellContext(ActorCell cell) {
		this.cell = cell;
	}

	@Override
	public ActorRef self() {
		return this.cell;
	}

	@Override
	public @Nullable ActorRef sender() {
		return this.cell.currentSender();
	}

	@Override
	public void reply(Object message) {
		this.cell.reply(message);
	}

	@Override
	public ActorSystem system() {
		return this.cell.system();
	}

	@Override
	public void stop() {
		this.cell.requestStop();
	}

	@Override
	public String toString() {
		return "ActorContext[" + this.cell.name() + "]";
	}

}
