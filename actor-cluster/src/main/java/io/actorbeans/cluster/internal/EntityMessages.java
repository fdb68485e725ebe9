package io.actorbeans.cluster.internal;

import io.actorbeans.ActorException;
import io.actorbeans.ActorStoppedException;
import io.actorbeans.CallTimeoutException;
import io.actorbeans.HandlerFailedException;
import io.actorbeans.MailboxFullException;
import io.actorbeans.StashOverflowException;
import io.actorbeans.UnhandledMessageException;
import io.actorbeans.cluster.ClusterUnavailableException;
import org.apache.pekko.actor.typed.ActorRef;
import org.jspecify.annotations.Nullable;

/**
 * The messages between the nodes and the entity hosts. Those that cross nodes are
 * {@link Remote}, serialized by {@link EntityMessageSerializer}; the others stay in the
 * node that makes them.
 */
final class EntityMessages {

	private EntityMessages() {
	}

	/** A message that may cross nodes, written by {@link EntityMessageSerializer}. */
	interface Remote {

	}

	/** What an entity host handles. */
	interface Command {

	}

	/** What an asker gets back from an entity host. */
	interface Outcome {

	}

	/**
	 * A message for the entity's actor, with where to send its replies.
	 *
	 * @param payload the user's message
	 * @param replyTo the asker on the sending node, or {@code null} for no sender
	 */
	record Deliver(Object payload, @Nullable ActorRef<Outcome> replyTo) implements Command, Remote {
	}

	/**
	 * A reply of the entity's actor.
	 *
	 * @param payload the reply
	 */
	record Reply(Object payload) implements Outcome, Remote {
	}

	/**
	 * A request that failed at the entity, or on its way to it: the kind of its failure,
	 * for the sender to throw the same type, naming the entity it called.
	 *
	 * @param kind the simple name of the failure's class
	 * @param message its message
	 */
	record Failure(String kind, String message) implements Outcome, Remote {

		private static final String UNDELIVERED = "Undelivered";

		static Failure of(ActorException failure) {
			return new Failure(failure.getClass().getSimpleName(), String.valueOf(failure.getMessage()));
		}

		/**
		 * The request's message was dropped before it reached the entity's host: it was
		 * not handled.
		 * @param why why Pekko dropped it
		 * @return the failure
		 */
		static Failure undelivered(String why) {
			return new Failure(UNDELIVERED, "the message was dropped on its way and was not handled (" + why
					+ "), as may happen while the cluster moves the entity to another node");
		}

		ActorException toException(String entity) {
			return switch (this.kind) {
				case "HandlerFailedException" ->
					new HandlerFailedException(this.message, new RemoteFailure(this.message));
				case "UnhandledMessageException" -> new UnhandledMessageException(entity, this.message);
				case "MailboxFullException" -> new MailboxFullException(entity, this.message);
				case "StashOverflowException" -> new StashOverflowException(entity, this.message);
				case "CallTimeoutException" -> new CallTimeoutException(entity, this.message);
				case UNDELIVERED ->
					new ClusterUnavailableException(entity, "Cannot reach entity '" + entity + "': " + this.message);
				default -> new ActorStoppedException(entity, this.message);
			};
		}

	}

	/** The failure of a handler on another node, as its message describes it. */
	static final class RemoteFailure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		RemoteFailure(String message) {
			super(message, null, false, false);
		}

	}

	/** The shard's stop message: hand the entity off (rebalance, leave, passivation). */
	enum HandOff implements Command {

		INSTANCE

	}

	/** The entity has been idle for its passivation time. */
	enum Idle implements Command {

		INSTANCE

	}

	/**
	 * The entity's actor asks to be passivated ({@code Entities.passivate}).
	 *
	 * @param activation the actor that asks
	 */
	record PassivateRequest(io.actorbeans.ActorRef activation) implements Command {
	}

	/** The entity's actor has ended. */
	enum LocalEnded implements Command {

		INSTANCE

	}

}
