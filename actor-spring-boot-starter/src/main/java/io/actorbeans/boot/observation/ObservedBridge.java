package io.actorbeans.boot.observation;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.actorbeans.ActorRef;
import io.actorbeans.ActorStoppedException;
import io.actorbeans.ActorSystemShutdownException;
import io.actorbeans.Bridge;
import io.actorbeans.CallTimeoutException;
import io.actorbeans.MailboxFullException;
import io.actorbeans.Stopped;
import io.actorbeans.UnhandledMessageException;
import io.actorbeans.boot.ActorBeans;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Bridge} that observes each call, ask and multi-call
 * ({@link ActorObservationDocumentation#BRIDGE_CALL}) and sends its requests with the
 * observation current, so that they carry it to the handler (with context propagation
 * on): the handler's observation is its child. {@code send} and {@code stop} are passed
 * on unobserved. Thread-safe, as the Bridge it decorates.
 */
final class ObservedBridge implements Bridge {

	private static final String SUCCESS = "success";

	private static final BridgeCallObservationConvention DEFAULT_CONVENTION = new DefaultBridgeCallObservationConvention();

	private final Bridge delegate;

	private final ObservationRegistry registry;

	private final @Nullable BridgeCallObservationConvention convention;

	private final ActorBeans actorBeans;

	ObservedBridge(Bridge delegate, ObservationRegistry registry, @Nullable BridgeCallObservationConvention convention,
			ActorBeans actorBeans) {
		this.delegate = delegate;
		this.registry = registry;
		this.convention = convention;
		this.actorBeans = actorBeans;
	}

	@Override
	public <T> T call(ActorRef target, Object request) {
		return observe("call", target, () -> this.delegate.call(target, request));
	}

	@Override
	public <T> T call(ActorRef target, Object request, Duration timeout) {
		return observe("call", target, () -> this.delegate.call(target, request, timeout));
	}

	@Override
	public <T> @Nullable T call(ActorRef target, Object request, Duration timeout, @Nullable T defaultValue) {
		try {
			return call(target, request, timeout);
		}
		catch (CallTimeoutException ex) {
			return defaultValue;
		}
	}

	@Override
	public <T> CompletableFuture<T> ask(ActorRef target, Object request) {
		return observeAsk(target, () -> this.delegate.ask(target, request));
	}

	@Override
	public <T> CompletableFuture<T> ask(ActorRef target, Object request, Duration timeout) {
		return observeAsk(target, () -> this.delegate.ask(target, request, timeout));
	}

	@Override
	public List<@Nullable Object> multiCall(List<Request> requests, Duration timeout, @Nullable Object defaultValue) {
		Set<String> tags = new LinkedHashSet<>();
		for (Request request : requests) {
			tags.add(this.actorBeans.tagOf(request.target().name()));
		}
		String names = requests.stream().map((request) -> request.target().name()).collect(Collectors.joining(","));
		String tag = (tags.size() == 1) ? tags.iterator().next()
				: DefaultBridgeCallObservationConvention.SEVERAL_ACTORS;
		return observe(new BridgeCallObservationContext("multi_call", names, tag),
				() -> this.delegate.multiCall(requests, timeout, defaultValue));
	}

	@Override
	public List<@Nullable Stopped> stop(List<ActorRef> actors, Duration timeout) {
		return this.delegate.stop(actors, timeout);
	}

	@Override
	public void send(ActorRef target, Object message) {
		this.delegate.send(target, message);
	}

	private <T> T observe(String operation, ActorRef target, Supplier<T> call) {
		return observe(context(operation, target), call);
	}

	private <T> T observe(BridgeCallObservationContext context, Supplier<T> call) {
		Observation observation = observation(context).start();
		try (Observation.Scope scope = observation.openScope()) {
			T reply = call.get();
			context.setOutcome(SUCCESS);
			return reply;
		}
		catch (RuntimeException | Error ex) {
			context.setOutcome(outcomeOf(ex));
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private <T> CompletableFuture<T> observeAsk(ActorRef target, Supplier<CompletableFuture<T>> ask) {
		BridgeCallObservationContext context = context("ask", target);
		Observation observation = observation(context).start();
		CompletableFuture<T> reply;
		try (Observation.Scope scope = observation.openScope()) {
			reply = ask.get();
		}
		catch (RuntimeException | Error ex) {
			context.setOutcome(outcomeOf(ex));
			observation.error(ex);
			observation.stop();
			throw ex;
		}
		reply.whenComplete((value, failure) -> {
			if (failure == null) {
				context.setOutcome(SUCCESS);
			}
			else {
				Throwable cause = (failure instanceof CompletionException && failure.getCause() != null)
						? failure.getCause() : failure;
				context.setOutcome(outcomeOf(cause));
				observation.error(cause);
			}
			observation.stop();
		});
		return reply;
	}

	private BridgeCallObservationContext context(String operation, ActorRef target) {
		return new BridgeCallObservationContext(operation, target.name(), this.actorBeans.tagOf(target.name()));
	}

	private Observation observation(BridgeCallObservationContext context) {
		return ActorObservationDocumentation.BRIDGE_CALL.observation(this.convention, DEFAULT_CONVENTION, () -> context,
				this.registry);
	}

	/** The outcome of a call that failed, a bounded value. */
	static String outcomeOf(Throwable failure) {
		if (failure instanceof CallTimeoutException) {
			return "timeout";
		}
		if (failure instanceof ActorStoppedException || failure instanceof ActorSystemShutdownException) {
			return "stopped";
		}
		if (failure instanceof UnhandledMessageException) {
			return "unhandled";
		}
		if (failure instanceof MailboxFullException) {
			return "rejected";
		}
		return "failure";
	}

}
