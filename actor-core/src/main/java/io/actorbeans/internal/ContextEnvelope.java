package io.actorbeans.internal;

import io.actorbeans.ActorRef;
import io.actorbeans.ContextPropagator;
import org.jspecify.annotations.Nullable;

/**
 * An envelope that carries the context its {@link ContextPropagator} captured, which the
 * actor restores around the handler. Only a system with a propagator makes them.
 */
final class ContextEnvelope extends Envelope {

	final Object context;

	ContextEnvelope(Object message, @Nullable ActorRef sender, Object context) {
		super(message, sender);
		this.context = context;
	}

}
