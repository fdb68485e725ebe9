package io.actorbeans.cluster.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import com.typesafe.config.ConfigFactory;
import io.actorbeans.cluster.ClusterUnavailableException;
import io.actorbeans.cluster.internal.EntityMessages.Deliver;
import io.actorbeans.cluster.internal.EntityMessages.Failure;
import io.actorbeans.cluster.internal.EntityMessages.Outcome;
import io.actorbeans.cluster.internal.EntityMessages.Reply;
import org.apache.pekko.actor.DeadLetter;
import org.apache.pekko.actor.Dropped;
import org.apache.pekko.actor.UnhandledMessage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UndeliveredMessages}: a message to an entity that Pekko dropped is
 * counted, and its asker fails at once.
 */
class UndeliveredMessagesTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "undelivered",
			ConfigFactory.parseString("pekko.loglevel = ERROR, pekko.log-dead-letters = off"));

	private final org.apache.pekko.actor.ActorSystem classic = Adapter.toClassic(this.system);

	private final LongAdder count = new LongAdder();

	@AfterEach
	void terminate() throws Exception {
		this.system.terminate();
		this.system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
	}

	@Test
	void askWhoseMessageARegionDroppedAtAHandOffFailsAtOnceNamingTheEntity() throws Exception {
		UndeliveredMessages.watch(this.system, this.count);
		CompletableFuture<Outcome> outcome = new CompletableFuture<>();
		Dropped dropped = new Dropped(new ShardingEnvelope<>("apples", new Deliver("increment", asker(outcome))),
				"Avoiding reordering of buffered messages at shard handoff", null, this.classic.deadLetters());
		// as a region drops a buffered message: through deadLetters, which wraps it
		this.classic.deadLetters().tell(dropped, org.apache.pekko.actor.ActorRef.noSender());
		Failure failure = (Failure) outcome.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		assertThat(failure.toException("counter/apples")).isInstanceOf(ClusterUnavailableException.class)
			.hasMessageContaining("Cannot reach entity 'counter/apples'")
			.hasMessageContaining("was not handled")
			.hasMessageContaining("Avoiding reordering of buffered messages at shard handoff")
			.satisfies((ex) -> assertThat(((ClusterUnavailableException) ex).actor()).isEqualTo("counter/apples"));
		assertThat(this.count.sum()).isOne();
	}

	@Test
	void askWhoseMessageAShardRefusedWhileHandingOffFailsAtOnce() throws Exception {
		UndeliveredMessages.watch(this.system, this.count);
		CompletableFuture<Outcome> outcome = new CompletableFuture<>();
		this.classic.eventStream()
			.publish(new UnhandledMessage(new Deliver("increment", asker(outcome)), this.classic.deadLetters(),
					this.classic.deadLetters()));
		Failure failure = (Failure) outcome.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		assertThat(failure.toException("counter/apples")).isInstanceOf(ClusterUnavailableException.class)
			.hasMessageContaining("refused by");
	}

	@Test
	void onlyMessagesToEntitiesCountAndOnlyAskersAreAnswered() throws Exception {
		UndeliveredMessages.watch(this.system, this.count);
		CompletableFuture<Outcome> outcome = new CompletableFuture<>();
		org.apache.pekko.actor.ActorRef deadLetters = this.classic.deadLetters();
		this.classic.eventStream().publish(new DeadLetter("not for an entity", deadLetters, deadLetters));
		this.classic.eventStream().publish(new DeadLetter(new Reply("a late reply"), deadLetters, deadLetters));
		this.classic.eventStream()
			.publish(new DeadLetter(new ShardingEnvelope<>("pears", new Deliver("told", null)), deadLetters,
					deadLetters));
		this.classic.eventStream()
			.publish(new DeadLetter(new ShardingEnvelope<>("apples", new Deliver("asked", asker(outcome))), deadLetters,
					deadLetters));
		// one watcher, in order: the first three have been seen
		assertThat(outcome.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(Failure.class);
		assertThat(this.count.sum()).isEqualTo(2);
	}

	@Test
	void withoutTheWatcherADroppedAskIsLeftToItsTimeout() throws Exception {
		CompletableFuture<Outcome> outcome = new CompletableFuture<>();
		org.apache.pekko.actor.ActorRef deadLetters = this.classic.deadLetters();
		this.classic.eventStream()
			.publish(new DeadLetter(new Deliver("asked", asker(outcome)), deadLetters, deadLetters));
		Thread.sleep(200);
		assertThat(outcome).isNotDone();
	}

	private ActorRef<Outcome> asker(CompletableFuture<Outcome> outcome) {
		return this.system.systemActorOf(Behaviors.receiveMessage((Outcome received) -> {
			outcome.complete(received);
			return Behaviors.stopped();
		}), "asker", Props.empty());
	}

}
