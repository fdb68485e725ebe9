package io.actorbeans.internal;

import org.jspecify.annotations.Nullable;

/**
 * The failure of a reply that a handler's result stood for (a failed
 * {@code CompletionStage}, a publisher that signalled an error): opens by throwing the
 * cause, so that the actor handles it as its handler's failure, on its own thread.
 */
final class ReplyFailedSignal extends Signal {

	private final Object message;

	private final String where;

	private final Throwable cause;

	/**
	 * @param message the message the handler took, which the failure report names
	 * @param where which handler's reply failed
	 * @param cause why
	 */
	ReplyFailedSignal(Object message, String where, Throwable cause) {
		this.message = message;
		this.where = where;
		this.cause = cause;
	}

	/** Throws the cause, whatever it is; the cell's failure handling takes it. */
	@Override
	@Nullable Object open(CellContext context) {
		throw ReplyFailedSignal.<RuntimeException>rethrow(this.cause);
	}

	@SuppressWarnings("unchecked")
	private static <E extends Throwable> E rethrow(Throwable cause) throws E {
		throw (E) cause;
	}

	@Override
	Object payload() {
		return this.message;
	}

	@Override
	String failureSite() {
		return this.where;
	}

	@Override
	public String toString() {
		return "ReplyFailedSignal[" + this.cause + "]";
	}

}
