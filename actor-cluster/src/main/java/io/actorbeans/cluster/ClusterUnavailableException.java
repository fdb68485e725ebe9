package io.actorbeans.cluster;

import io.actorbeans.ActorException;

/**
 * Thrown when a message cannot reach its entity through the cluster: it is sent while
 * this node is not a member of the cluster that is up (before it has joined, while it
 * leaves, or after it was downed), and then it is not sent; or it was dropped on its way,
 * before it reached the entity, as Pekko drops a message that arrives at a shard region
 * while the entity's shard is being handed off to another node, rather than deliver it
 * out of order. Either way the entity did not handle it, so sending it again is safe, and
 * a call fails at once: it does not wait for its timeout.
 *
 * @since 0.1.0
 */
public class ClusterUnavailableException extends ActorException {

	private static final long serialVersionUID = 1L;

	private final String actor;

	/**
	 * Create an exception.
	 * @param actor the name of the entity the message was for
	 * @param message the detail message
	 */
	public ClusterUnavailableException(String actor, String message) {
		super(message, null);
		this.actor = actor;
	}

	/**
	 * The entity the message was for.
	 * @return its name, {@code <type>/<id>}
	 */
	public String actor() {
		return this.actor;
	}

}
