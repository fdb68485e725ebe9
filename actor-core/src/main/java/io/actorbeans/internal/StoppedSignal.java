package io.actorbeans.internal;

import io.actorbeans.Stopped;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Stopped} reply of an actor that ended on a user's Stop, to the actor that
 * sent it: delivered whatever the requester's mailbox bound.
 */
final class StoppedSignal extends Signal {

	private final Stopped stopped;

	StoppedSignal(Stopped stopped) {
		this.stopped = stopped;
	}

	@Override
	@Nullable Object open(CellContext context) {
		return this.stopped;
	}

	@Override
	Object payload() {
		return this.stopped;
	}

	@Override
	public String toString() {
		return "StoppedSignal[" + this.stopped + "]";
	}

}
