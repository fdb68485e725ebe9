package io.actorbeans.internal;

import io.actorbeans.SuspendingHandlerInvoker;
import org.jspecify.annotations.Nullable;

/**
 * A task to run on an actor's thread, between its messages: where a suspended handler
 * resumes. Opens into nothing.
 */
final class TaskSignal extends Signal {

	private final Runnable task;

	TaskSignal(Runnable task) {
		this.task = task;
	}

	@Override
	@Nullable Object open(CellContext context) {
		this.task.run();
		return null;
	}

	/** A resumption that will never run is told so. */
	@Override
	void dropped() {
		if (this.task instanceof SuspendingHandlerInvoker.Resumption resumption) {
			resumption.rejected();
		}
	}

	@Override
	Object payload() {
		return this.task;
	}

	@Override
	String failureSite() {
		return "in a task resuming a suspended handler";
	}

	@Override
	public String toString() {
		return "TaskSignal[" + this.task + "]";
	}

}
