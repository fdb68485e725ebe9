package io.actorbeans.boot.autoconfigure;

import java.util.ArrayDeque;
import java.util.Queue;

import io.actorbeans.ActorException;
import io.actorbeans.ActorRef;
import io.actorbeans.ActorStoppedException;
import io.actorbeans.CallerRef;
import io.actorbeans.Stop;
import org.jspecify.annotations.Nullable;

/**
 * One entity id of a {@link LocalEntities} type: its current activation, if any, and the
 * messages that wait for the next one. Guarded by its own monitor; every method is called
 * holding it.
 */
final class LocalEntity {

	/*-
	 * An entity has at most one activation, an actor named <type>:<id>. States:
	 *
	 *   idle      actor == null: the next message activates it (spawns the actor) and is sent to it
	 *   active    actor != null, !stopping: messages are sent to the actor as they come
	 *   stopping  a Stop went to the actor (Bridge.stop, or passivation: idle, or asked by the
	 *             entity's handler): the messages that come after it wait here, in order, for
	 *             the actor to end
	 *
	 * When the actor ends (LocalEntities is its system's termination listener, told once its name
	 * is free), the waiting messages activate a fresh actor; with none waiting, the entity is
	 * removed from its type's map ("removed"), and a sender that still holds it takes a new one.
	 * Activations thus never overlap: the next one starts once the previous bean was destroyed.
	 * Every transition holds the monitor, so a message is either sent before the Stop (and handled
	 * by the ending activation) or waits for the next one: none is lost between them.
	 */

	private final String id;

	private @Nullable ActorRef actor;

	private boolean stopping;

	private boolean removed;

	/** When the last message was sent to the actor, in System.nanoTime(). */
	private long lastMessage;

	private final Queue<Pending> waiting = new ArrayDeque<>();

	LocalEntity(String id) {
		this.id = id;
	}

	boolean isRemoved() {
		return this.removed;
	}

	/**
	 * Send a message to the current activation, activating one if there is none, or keep
	 * it for the next activation while this one stops.
	 * @throws ActorException if the entity cannot be activated; the entity is then
	 * removed
	 */
	void deliver(Object message, @Nullable ActorRef sender, Activator activator) {
		if (this.stopping) {
			this.waiting.add(new Pending(message, sender));
			return;
		}
		ActorRef target = this.actor;
		if (target == null) {
			try {
				target = activator.activate(this.id);
			}
			catch (RuntimeException ex) {
				this.removed = true;
				throw ex;
			}
			this.actor = target;
		}
		this.lastMessage = System.nanoTime();
		target.send(message, sender);
		// a send to an actor that had just ended may have ended this activation already
		if (message instanceof Stop && this.actor == target && !this.removed) {
			this.stopping = true;
		}
	}

	/**
	 * Stop the activation if it has been idle for a while.
	 */
	void passivateIfIdle(long now, long idleNanos) {
		ActorRef target = this.actor;
		if (target != null && now - this.lastMessage >= idleNanos) {
			passivate(target);
		}
	}

	/**
	 * Stop an activation after the messages sent to it so far, if it is the current one
	 * and is not stopping already: the messages that come after wait for the next one.
	 */
	void passivate(ActorRef activation) {
		if (this.actor == activation && !this.stopping && !this.removed) {
			this.stopping = true;
			activation.send(new Stop());
		}
	}

	/**
	 * The activation has ended: activate the next one for the waiting messages, or report
	 * that the entity can be removed.
	 * @return {@code true} if the entity was removed
	 */
	boolean ended(Activator activator) {
		this.actor = null;
		this.stopping = false;
		Pending next = null;
		try {
			while (!this.stopping && (next = this.waiting.poll()) != null) {
				deliver(next.message(), next.sender(), activator);
				next = null;
			}
		}
		catch (RuntimeException ex) {
			ActorException failure = (ex instanceof ActorException actorException) ? actorException
					: new ActorStoppedException(this.id,
							"Entity '" + this.id + "' could not be activated again: " + ex);
			if (next != null) {
				fail(next, failure);
			}
			this.waiting.forEach((pending) -> fail(pending, failure));
			this.waiting.clear();
		}
		if (this.actor == null && this.waiting.isEmpty()) {
			this.removed = true;
		}
		return this.removed;
	}

	private static void fail(Pending pending, ActorException failure) {
		if (pending.sender() instanceof CallerRef caller) {
			caller.requestFailed(failure);
		}
	}

	/** Spawns an activation of an entity. */
	@FunctionalInterface
	interface Activator {

		ActorRef activate(String id);

	}

	private record Pending(Object message, @Nullable ActorRef sender) {
	}

}
