package io.actorbeans.cluster.internal;

import java.util.concurrent.atomic.LongAdder;

import io.actorbeans.cluster.internal.EntityMessages.Deliver;
import io.actorbeans.cluster.internal.EntityMessages.Failure;
import org.apache.pekko.actor.AllDeadLetters;
import org.apache.pekko.actor.DeadLetter;
import org.apache.pekko.actor.Dropped;
import org.apache.pekko.actor.UnhandledMessage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.jspecify.annotations.Nullable;

/**
 * Watches this node's dead letters for the messages to entities that Pekko dropped before
 * they reached an entity's host: above all those that a shard region drops when the
 * entity's shard is handed off to another node, rather than deliver them out of order.
 * Each is counted, and the caller of one that was asked gets a failure at once, instead
 * of waiting for its timeout. Runs on Pekko's dispatcher, one dead letter at a time.
 */
final class UndeliveredMessages {

	private UndeliveredMessages() {
	}

	/**
	 * Start watching the dead letters of a system: from now on, each one is seen.
	 * @param system the system
	 * @param count counts the messages to entities that were dropped
	 */
	static void watch(ActorSystem<?> system, LongAdder count) {
		ActorRef<AllDeadLetters> watcher = system.systemActorOf(behavior(count), "actorbeans-undelivered",
				Props.empty());
		// the classic stream subscribes at once, where the typed one would by a message
		Adapter.toClassic(system).eventStream().subscribe(Adapter.toClassic(watcher), AllDeadLetters.class);
	}

	private static Behavior<AllDeadLetters> behavior(LongAdder count) {
		return Behaviors.receiveMessage((letter) -> {
			Deliver deliver = deliverIn(letter);
			if (deliver != null) {
				count.increment();
				if (deliver.replyTo() != null) {
					deliver.replyTo().tell(Failure.undelivered(why(letter)));
				}
			}
			return Behaviors.same();
		});
	}

	private static @Nullable Deliver deliverIn(AllDeadLetters letter) {
		Object message = letter.message();
		while (message instanceof AllDeadLetters wrapped) {
			message = wrapped.message();
		}
		if (message instanceof ShardingEnvelope<?> envelope) {
			message = envelope.message();
		}
		return (message instanceof Deliver deliver) ? deliver : null;
	}

	private static String why(AllDeadLetters letter) {
		if (letter instanceof DeadLetter dead && dead.message() instanceof Dropped dropped) {
			return "dropped: " + dropped.reason();
		}
		if (letter instanceof Dropped dropped) {
			return "dropped: " + dropped.reason();
		}
		if (letter instanceof UnhandledMessage) {
			return "refused by " + letter.recipient().path();
		}
		return "dead letter to " + letter.recipient().path();
	}

}
