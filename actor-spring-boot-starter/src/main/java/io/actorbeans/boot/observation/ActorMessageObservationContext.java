package io.actorbeans.boot.observation;

import io.actorbeans.MessageObserver.Outcome;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Observation.Context} of a message an actor handles: the actor's name, its
 * bounded tag, the message, and, once the handler has finished, the outcome.
 * <p>
 * Made and read by the actor's thread.
 *
 * @since 0.1.0
 */
public class ActorMessageObservationContext extends Observation.Context {

	private final String actorName;

	private final String actorTag;

	private final Object message;

	private @Nullable Outcome outcome;

	/**
	 * Create a context for a message.
	 * @param actorName the actor's name
	 * @param actorTag the actor's tag, a bounded value (see
	 * {@link io.actorbeans.boot.ActorBeans})
	 * @param message the message
	 */
	public ActorMessageObservationContext(String actorName, String actorTag, Object message) {
		this.actorName = actorName;
		this.actorTag = actorTag;
		this.message = message;
	}

	/**
	 * The name of the actor that handles the message.
	 * @return the name, one per actor
	 */
	public String getActorName() {
		return this.actorName;
	}

	/**
	 * The tag of the actor: a singleton actor bean's name, a prototype actor bean's name,
	 * or {@code other}.
	 * @return the tag, a bounded value
	 */
	public String getActorTag() {
		return this.actorTag;
	}

	/**
	 * The message being handled.
	 * @return the message
	 */
	public Object getMessage() {
		return this.message;
	}

	/**
	 * How the handling ended.
	 * @return the outcome, or {@code null} while the handler runs
	 */
	public @Nullable Outcome getOutcome() {
		return this.outcome;
	}

	/**
	 * Set how the handling ended.
	 * @param outcome the outcome
	 */
	public void setOutcome(Outcome outcome) {
		this.outcome = outcome;
	}

}
