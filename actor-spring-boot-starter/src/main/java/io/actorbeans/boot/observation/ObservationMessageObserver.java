package io.actorbeans.boot.observation;

import io.actorbeans.ActorRef;
import io.actorbeans.MessageObserver;
import io.actorbeans.boot.ActorBeans;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * A {@link MessageObserver} that makes each handled message an {@link Observation}
 * ({@link ActorObservationDocumentation#MESSAGE_PROCESS}), current while the handler
 * runs: a span with tracing, whose children are the handler's own observations and whose
 * trace the handler's messages carry on. Thread-safe.
 */
final class ObservationMessageObserver implements MessageObserver {

	private static final Handling NOT_OBSERVED = (outcome, failure) -> {
	};

	private static final ActorMessageObservationConvention DEFAULT_CONVENTION = new DefaultActorMessageObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable ActorMessageObservationConvention convention;

	private final ActorBeans actorBeans;

	ObservationMessageObserver(ObservationRegistry registry, @Nullable ActorMessageObservationConvention convention,
			ActorBeans actorBeans) {
		this.registry = registry;
		this.convention = convention;
		this.actorBeans = actorBeans;
	}

	@Override
	public Handling start(ActorRef actor, Object message) {
		if (this.registry.isNoop()) {
			return NOT_OBSERVED;
		}
		ActorMessageObservationContext context = new ActorMessageObservationContext(actor.name(),
				this.actorBeans.tagOf(actor.name()), message);
		Observation observation = ActorObservationDocumentation.MESSAGE_PROCESS
			.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
			.start();
		Observation.Scope scope = observation.openScope();
		return (outcome, failure) -> {
			scope.close();
			context.setOutcome(outcome);
			if (failure != null) {
				observation.error(failure);
			}
			observation.stop();
		};
	}

}
