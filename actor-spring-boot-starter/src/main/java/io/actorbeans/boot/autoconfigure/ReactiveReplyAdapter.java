package io.actorbeans.boot.autoconfigure;

import java.util.Objects;
import java.util.concurrent.CompletionStage;

import io.actorbeans.ReplyAdapter;

import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ReactiveAdapterRegistry;

/**
 * The {@link ReplyAdapter} that lets a handler reply with a {@code Mono}, a {@code Flux}
 * or any type a {@link ReactiveAdapterRegistry} knows, as Spring's event listeners and
 * {@code @Scheduled} methods may return them: the registry decides, not an
 * {@code instanceof}. The publisher is subscribed to on the actor's thread, right after
 * the handler returns; a single-value type replies with its value (nothing if it
 * completes empty), a multi-value type such as {@code Flux} with the {@code List} of all
 * its values once it completes (empty if it had none), a no-value type with nothing. An
 * error is the handler's failure. Thread-safe.
 */
final class ReactiveReplyAdapter implements ReplyAdapter {

	private final ReactiveAdapterRegistry registry;

	ReactiveReplyAdapter(ReactiveAdapterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public boolean supports(Class<?> resultClass) {
		return this.registry.getAdapter(resultClass) != null;
	}

	@Override
	public CompletionStage<?> adapt(Object result) {
		ReactiveAdapter adapter = Objects.requireNonNull(this.registry.getAdapter(result.getClass()),
				() -> "No ReactiveAdapter for " + result.getClass().getName());
		PublisherReply reply = new PublisherReply(adapter.isMultiValue());
		adapter.toPublisher(result).subscribe(reply);
		return reply.stage();
	}

}
