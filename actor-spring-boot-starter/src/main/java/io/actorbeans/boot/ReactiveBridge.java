package io.actorbeans.boot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import io.actorbeans.ActorRef;
import io.actorbeans.Bridge;
import io.actorbeans.Stop;
import io.actorbeans.Stopped;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The {@link Bridge} for reactive callers, a WebFlux controller say: each verb returns a
 * {@link Mono} that sends its request when it is subscribed to, never blocks the
 * subscribing thread, and signals on the given {@link Scheduler}, never on an actor's
 * thread, so that what the caller chains (encoding a response, say) does not run on the
 * actors' pool. Cancelling the {@code Mono} gives the call up: a reply after that is a
 * late reply.
 * <p>
 * Auto-configured when Reactor is on the class path, signalling on
 * {@code Schedulers.parallel()}. Thread-safe: any thread may call it, and subscribe to
 * what it returns any number of times (each subscription is a call of its own).
 *
 * <pre class="code">
 * &#64;GetMapping("/inventory")
 * Mono&lt;List&lt;Integer&gt;&gt; inventory() {
 *     return reactiveBridge.ask(positives, new GetInventory(), Duration.ofSeconds(1));
 * }
 * </pre>
 *
 * @since 0.1.0
 */
public final class ReactiveBridge {

	private final Bridge bridge;

	private final Scheduler scheduler;

	/**
	 * Create a reactive bridge.
	 * @param bridge the bridge that sends the requests
	 * @param scheduler where the returned {@code Mono}s signal
	 */
	public ReactiveBridge(Bridge bridge, Scheduler scheduler) {
		this.bridge = Objects.requireNonNull(bridge, "'bridge' must not be null");
		this.scheduler = Objects.requireNonNull(scheduler, "'scheduler' must not be null");
	}

	/**
	 * Ask an actor, waiting at most the system's Bridge timeout, as
	 * {@link Bridge#ask(ActorRef, Object)}.
	 * @param <T> the type of the reply
	 * @param target the actor
	 * @param request the request
	 * @return the reply; an error as {@link Bridge#ask} fails
	 */
	public <T> Mono<T> ask(ActorRef target, Object request) {
		return signalled(Mono.defer(() -> Mono.fromFuture(this.bridge.<T>ask(target, request))));
	}

	/**
	 * Ask an actor, as {@link Bridge#ask(ActorRef, Object, Duration)}.
	 * @param <T> the type of the reply
	 * @param target the actor
	 * @param request the request
	 * @param timeout when the {@code Mono} fails with a
	 * {@link io.actorbeans.CallTimeoutException}
	 * @return the reply; an error as {@link Bridge#ask} fails
	 */
	public <T> Mono<T> ask(ActorRef target, Object request, Duration timeout) {
		return signalled(Mono.defer(() -> Mono.fromFuture(this.bridge.<T>ask(target, request, timeout))));
	}

	/**
	 * Ask several actors at once, under one timeout, as {@link Bridge#multiCall}.
	 * @param requests the requests, each with its actor
	 * @param timeout the deadline for all of them, from the subscription
	 * @param defaultValue the value for the requests that got no reply or failed
	 * @return the replies, in the order of the requests
	 */
	public Mono<List<@Nullable Object>> multiCall(List<Bridge.Request> requests, Duration timeout,
			@Nullable Object defaultValue) {
		return signalled(Mono.defer(() -> Mono.fromFuture(askAll(requests, timeout, defaultValue))));
	}

	/**
	 * Stop actors, as {@link Bridge#stop}.
	 * @param actors the actors to stop
	 * @param timeout the deadline for all of them, from the subscription
	 * @return one {@link Stopped} per actor in order, or {@code null} for an actor that
	 * did not confirm in time or had already stopped
	 */
	public Mono<List<@Nullable Stopped>> stop(List<ActorRef> actors, Duration timeout) {
		List<Bridge.Request> requests = new ArrayList<>(actors.size());
		for (ActorRef actor : actors) {
			requests.add(new Bridge.Request(actor, new Stop()));
		}
		return multiCall(requests, timeout, null).map((replies) -> {
			List<@Nullable Stopped> stopped = new ArrayList<>(replies.size());
			for (Object reply : replies) {
				stopped.add((reply instanceof Stopped confirmation) ? confirmation : null);
			}
			return stopped;
		});
	}

	/**
	 * Send a message with no sender, as {@link Bridge#send}.
	 * @param target the actor
	 * @param message the message
	 * @return completes once the message is accepted; an error as {@link Bridge#send}
	 * fails
	 */
	public Mono<Void> send(ActorRef target, Object message) {
		return signalled(Mono.fromRunnable(() -> this.bridge.send(target, message)));
	}

	private CompletableFuture<List<@Nullable Object>> askAll(List<Bridge.Request> requests, Duration timeout,
			@Nullable Object defaultValue) {
		List<CompletableFuture<@Nullable Object>> replies = new ArrayList<>(requests.size());
		for (Bridge.Request request : requests) {
			replies.add(this.bridge.<@Nullable Object>ask(request.target(), request.message(), timeout)
				.exceptionally((failure) -> defaultValue));
		}
		return CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).thenApply((done) -> {
			List<@Nullable Object> values = new ArrayList<>(replies.size());
			for (CompletableFuture<@Nullable Object> reply : replies) {
				values.add(reply.join());
			}
			return values;
		});
	}

	private <T> Mono<T> signalled(Mono<T> mono) {
		return mono.publishOn(this.scheduler);
	}

}
