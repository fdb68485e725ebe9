package io.actorbeans.boot.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The {@link ObservationConvention} of the messages actors handle. Define a bean of this
 * type to change the name or the key values of their observations; see
 * {@link DefaultActorMessageObservationConvention}.
 *
 * @since 0.1.0
 */
public interface ActorMessageObservationConvention extends ObservationConvention<ActorMessageObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ActorMessageObservationContext;
	}

}
