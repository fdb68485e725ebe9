package io.actorbeans.boot.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Observation.Context} of a call through the {@link io.actorbeans.Bridge}: the
 * operation, the target actor's name and tag, and, once the call has ended, its outcome.
 * <p>
 * Made by the calling thread; ended by it, or for an {@code ask} by the thread that
 * completes the reply.
 *
 * @since 0.1.0
 */
public class BridgeCallObservationContext extends Observation.Context {

	private final String operation;

	private final String actorName;

	private final String actorTag;

	private volatile @Nullable String outcome;

	/**
	 * Create a context for a call.
	 * @param operation {@code call}, {@code ask} or {@code multi_call}
	 * @param actorName the target actor's name (for a multi-call, the names joined by
	 * commas)
	 * @param actorTag the target actor's tag (for a multi-call whose targets have
	 * several, {@value DefaultBridgeCallObservationConvention#SEVERAL_ACTORS})
	 */
	public BridgeCallObservationContext(String operation, String actorName, String actorTag) {
		this.operation = operation;
		this.actorName = actorName;
		this.actorTag = actorTag;
	}

	/**
	 * The Bridge operation.
	 * @return {@code call}, {@code ask} or {@code multi_call}
	 */
	public String getOperation() {
		return this.operation;
	}

	/**
	 * The name of the called actor.
	 * @return the name
	 */
	public String getActorName() {
		return this.actorName;
	}

	/**
	 * The tag of the called actor, a bounded value.
	 * @return the tag
	 */
	public String getActorTag() {
		return this.actorTag;
	}

	/**
	 * How the call ended: {@code success}, {@code timeout}, {@code stopped},
	 * {@code unhandled}, {@code rejected} or {@code failure}.
	 * @return the outcome, or {@code null} while the call waits
	 */
	public @Nullable String getOutcome() {
		return this.outcome;
	}

	/**
	 * Set how the call ended.
	 * @param outcome the outcome
	 */
	public void setOutcome(String outcome) {
		this.outcome = outcome;
	}

}
