package io.actorbeans.boot.observation;

import java.util.Locale;

import io.actorbeans.MessageObserver.Outcome;
import io.actorbeans.boot.observation.ActorObservationDocumentation.HighCardinalityKeyNames;
import io.actorbeans.boot.observation.ActorObservationDocumentation.MessageLowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default {@link ActorMessageObservationConvention}: observations named
 * {@value #NAME}, with the low cardinality keys {@code actor} (the actor's bounded tag),
 * {@code message.type}, {@code outcome} and {@code exception}, and the high cardinality
 * key {@code actor.name}. Spans are named {@code process <MessageSimpleName>}.
 * <p>
 * Thread-safe. Extend it and override a key's method to change one key.
 *
 * @since 0.1.0
 */
public class DefaultActorMessageObservationConvention implements ActorMessageObservationConvention {

	/** The name of the observations. */
	public static final String NAME = "actors.message.process";

	private static final KeyValue EXCEPTION_NONE = KeyValue.of(MessageLowCardinalityKeyNames.EXCEPTION,
			KeyValue.NONE_VALUE);

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(ActorMessageObservationContext context) {
		return "process " + context.getMessage().getClass().getSimpleName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ActorMessageObservationContext context) {
		return KeyValues.of(actor(context), messageType(context), outcome(context), exception(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ActorMessageObservationContext context) {
		return KeyValues.of(KeyValue.of(HighCardinalityKeyNames.ACTOR_NAME, context.getActorName()));
	}

	protected KeyValue actor(ActorMessageObservationContext context) {
		return KeyValue.of(MessageLowCardinalityKeyNames.ACTOR, context.getActorTag());
	}

	protected KeyValue messageType(ActorMessageObservationContext context) {
		return KeyValue.of(MessageLowCardinalityKeyNames.MESSAGE_TYPE, context.getMessage().getClass().getName());
	}

	protected KeyValue outcome(ActorMessageObservationContext context) {
		Outcome outcome = context.getOutcome();
		return KeyValue.of(MessageLowCardinalityKeyNames.OUTCOME,
				(outcome != null) ? outcome.name().toLowerCase(Locale.ROOT) : "unknown");
	}

	protected KeyValue exception(ActorMessageObservationContext context) {
		Throwable error = context.getError();
		return (error != null) ? KeyValue.of(MessageLowCardinalityKeyNames.EXCEPTION, error.getClass().getSimpleName())
				: EXCEPTION_NONE;
	}

}
