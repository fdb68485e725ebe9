package io.actorbeans.boot.autoconfigure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Subscribes to the publisher a handler returned and completes the stage of its reply:
 * with the last value of a single-value publisher ({@code null} if there was none), with
 * the list of all the values of a multi-value one, or exceptionally with its error.
 * <p>
 * Reactive Streams calls the subscriber's methods one at a time, each happening-before
 * the next (rule 1.3), so the values need no lock; the stage completes on the thread that
 * signals the end, whose actions happen-before what depends on the stage.
 */
final class PublisherReply implements Subscriber<Object> {

	private final CompletableFuture<@Nullable Object> stage = new CompletableFuture<>();

	private final @Nullable List<Object> values;

	private @Nullable Object value;

	/**
	 * @param multiValue whether to collect every value into a list, rather than take the
	 * one value
	 */
	PublisherReply(boolean multiValue) {
		this.values = multiValue ? new ArrayList<>() : null;
	}

	/** The stage of the reply. Thread-safe. */
	CompletionStage<@Nullable Object> stage() {
		return this.stage;
	}

	@Override
	public void onSubscribe(Subscription subscription) {
		subscription.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(Object next) {
		if (this.values != null) {
			this.values.add(next);
		}
		else {
			this.value = next;
		}
	}

	@Override
	public void onError(Throwable failure) {
		this.stage.completeExceptionally(failure);
	}

	@Override
	public void onComplete() {
		this.stage.complete((this.values != null) ? Collections.unmodifiableList(this.values) : this.value);
	}

}
