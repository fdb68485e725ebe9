package io.actorbeans.boot.observation;

import io.actorbeans.boot.observation.ActorObservationDocumentation.BridgeLowCardinalityKeyNames;
import io.actorbeans.boot.observation.ActorObservationDocumentation.HighCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default {@link BridgeCallObservationConvention}: observations named {@value #NAME},
 * with the low cardinality keys {@code actor} (the called actor's bounded tag),
 * {@code operation} and {@code outcome}, and the high cardinality key {@code actor.name}.
 * Spans are named {@code <operation> <actor tag>}.
 * <p>
 * Thread-safe. Extend it and override a key's method to change one key.
 *
 * @since 0.1.0
 */
public class DefaultBridgeCallObservationConvention implements BridgeCallObservationConvention {

	/** The name of the observations. */
	public static final String NAME = "actors.bridge.call";

	/** The {@code actor} of a multi-call to actors of several tags. */
	public static final String SEVERAL_ACTORS = "several";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(BridgeCallObservationContext context) {
		return context.getOperation() + " " + context.getActorTag();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(BridgeCallObservationContext context) {
		return KeyValues.of(actor(context), operation(context), outcome(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(BridgeCallObservationContext context) {
		return KeyValues.of(KeyValue.of(HighCardinalityKeyNames.ACTOR_NAME, context.getActorName()));
	}

	protected KeyValue actor(BridgeCallObservationContext context) {
		return KeyValue.of(BridgeLowCardinalityKeyNames.ACTOR, context.getActorTag());
	}

	protected KeyValue operation(BridgeCallObservationContext context) {
		return KeyValue.of(BridgeLowCardinalityKeyNames.OPERATION, context.getOperation());
	}

	protected KeyValue outcome(BridgeCallObservationContext context) {
		String outcome = context.getOutcome();
		return KeyValue.of(BridgeLowCardinalityKeyNames.OUTCOME, (outcome != null) ? outcome : "unknown");
	}

}
