package io.actorbeans.boot.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The {@link ObservationConvention} of Bridge calls. Define a bean of this type to change
 * the name or the key values of their observations; see
 * {@link DefaultBridgeCallObservationConvention}.
 *
 * @since 0.1.0
 */
public interface BridgeCallObservationConvention extends ObservationConvention<BridgeCallObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof BridgeCallObservationContext;
	}

}
