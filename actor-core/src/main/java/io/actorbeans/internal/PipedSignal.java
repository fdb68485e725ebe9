package io.actorbeans.internal;

import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of a future piped to an actor: opens into what the actor's mapper makes of
 * it, on the actor's thread.
 */
final class PipedSignal extends Signal {

	private final @Nullable Object value;

	private final @Nullable Throwable failure;

	private final BiFunction<Object, Throwable, ?> mapper;

	@SuppressWarnings("unchecked")
	PipedSignal(@Nullable Object value, @Nullable Throwable failure, BiFunction<?, ?, ?> mapper) {
		this.value = value;
		this.failure = failure;
		this.mapper = (BiFunction<Object, Throwable, ?>) mapper;
	}

	@Override
	@Nullable Object open(CellContext context) {
		return this.mapper.apply(this.value, this.failure);
	}

	@Override
	Object payload() {
		if (this.failure != null) {
			return this.failure;
		}
		return (this.value != null) ? this.value : this;
	}

	/** A pipe's outcome is a user message: it counts, and a full mailbox refuses it. */
	@Override
	boolean isRuntime() {
		return false;
	}

	@Override
	String failureSite() {
		return "in its pipeToSelf mapper";
	}

	@Override
	public String toString() {
		return "PipedSignal[" + ((this.failure != null) ? this.failure : this.value) + "]";
	}

}
