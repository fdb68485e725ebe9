package io.actorbeans;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random scripts of sends from several threads (plain messages, stash, unstash, become,
 * unbecome, timers, Stop), to actors with bounded and unbounded mailboxes and small
 * stashes, ended by a shutdown that may start while the senders still send. What the
 * actors did is checked against a sequential model of one actor, replayed over the order
 * in which each actor saw its messages:
 * <ul>
 * <li>each sender's messages are seen by an actor in the order they were sent;
 * <li>every message ends exactly once, processed or as a dead letter, and the model
 * predicts which, and why, for every message an actor saw (a stash overflow, a message
 * left in the stash when the actor stopped);
 * <li>a message an actor never saw is a dead letter: its mailbox was full, or the actor
 * had stopped; and every message a sender sent after its own Stop to that actor is one;
 * <li>the actors' processed counts and the dead letters add up to what was sent.
 * </ul>
 */
class ActorModelProperties {

	private static final int STASH_CAPACITY = 3;

	@Property(tries = 40)
	void everyMessageEndsOnceAsTheModelSays(@ForAll("scripts") Script script) throws InterruptedException {
		ActorSystem system = ActorSystem.create(ActorSystemSettings.defaults().withName("model"));
		Map<Msg, DeadLetter.Reason> deadLetters = new ConcurrentHashMap<>();
		Queue<Object> otherDeadLetters = new ConcurrentLinkedQueue<>();
		system.addDeadLetterListener((deadLetter) -> {
			if (deadLetter.message() instanceof Msg msg) {
				assertThat(deadLetters.put(msg, deadLetter.reason())).as("a second end of %s", msg).isNull();
			}
			else {
				otherDeadLetters.add(deadLetter.message());
			}
		});
		Map<String, ActorInfo> ended = new ConcurrentHashMap<>();
		system.addTerminationListener((actor) -> ended.put(actor.name(), actor));
		List<Recorder> recorders = new ArrayList<>();
		List<ActorRef> actors = new ArrayList<>();
		for (int i = 0; i < script.capacities().size(); i++) {
			Recorder recorder = new Recorder();
			recorders.add(recorder);
			int capacity = script.capacities().get(i);
			SpawnOptions options = SpawnOptions.defaults().withStashCapacity(STASH_CAPACITY);
			actors.add(system.spawn("actor-" + i, new ModelActor(recorder),
					(capacity > 0) ? options.withMailboxCapacity(capacity) : options));
		}
		List<Thread> senders = new ArrayList<>();
		for (int s = 0; s < script.senders().size(); s++) {
			List<Action> actions = script.senders().get(s);
			int sender = s;
			senders.add(new Thread(() -> {
				for (int seq = 0; seq < actions.size(); seq++) {
					Action action = actions.get(seq);
					ActorRef target = actors.get(action.actor());
					target.send((action.kind() == Kind.STOP) ? new Stop() : new Msg(sender, seq, action.kind()));
				}
			}, "sender-" + s));
		}
		senders.forEach(Thread::start);
		if (!script.shutdownWhileSending()) {
			for (Thread thread : senders) {
				thread.join();
			}
		}
		ShutdownReport report = system.shutdown(Duration.ofSeconds(20));
		for (Thread thread : senders) {
			thread.join();
		}
		assertThat(report.actorsNotStopped()).isEmpty();
		assertThat(otherDeadLetters).as("dead letters that are not the script's messages")
			.allSatisfy((message) -> assertThat(message).isInstanceOf(Stop.class));

		long finals = 0;
		for (int a = 0; a < actors.size(); a++) {
			Recorder recorder = recorders.get(a);
			assertEachSendersOrder(recorder.seen);
			Map<Msg, DeadLetter.Reason> predicted = replay(recorder.seen);
			for (Msg msg : recorder.seen) {
				boolean processed = recorder.handled.contains(msg);
				DeadLetter.Reason expected = predicted.get(msg);
				if (expected == null) {
					assertThat(processed).as("%s is processed", msg).isTrue();
					assertThat(deadLetters).as("%s is processed only", msg).doesNotContainKey(msg);
				}
				else {
					assertThat(processed).as("%s is a dead letter only", msg).isFalse();
					assertThat(deadLetters.get(msg)).as("why %s is a dead letter", msg).isEqualTo(expected);
				}
			}
			finals += recorder.handled.size();
		}
		long stopsSent = 0;
		long messagesSent = 0;
		for (int s = 0; s < script.senders().size(); s++) {
			List<Action> actions = script.senders().get(s);
			Set<Integer> stoppedBySender = new HashSet<>();
			for (int seq = 0; seq < actions.size(); seq++) {
				Action action = actions.get(seq);
				if (action.kind() == Kind.STOP) {
					stopsSent++;
					stoppedBySender.add(action.actor());
					continue;
				}
				messagesSent++;
				Msg msg = new Msg(s, seq, action.kind());
				boolean seen = recorders.get(action.actor()).seenSet.contains(msg);
				if (!seen) {
					assertThat(deadLetters.get(msg)).as("why unseen %s is a dead letter", msg)
						.isIn(DeadLetter.Reason.MAILBOX_FULL, DeadLetter.Reason.STOPPED);
				}
				if (stoppedBySender.contains(action.actor())) {
					assertThat(seen).as("%s was sent after its sender's Stop", msg).isFalse();
				}
			}
		}
		long processed = ended.values().stream().mapToLong(ActorInfo::processed).sum();
		long stopsProcessed = processed - finals;
		assertThat(stopsProcessed + otherDeadLetters.size()).as("every Stop ends once").isEqualTo(stopsSent);
		assertThat(finals + deadLetters.size()).as("every message ends once").isEqualTo(messagesSent);
	}

	private static void assertEachSendersOrder(List<Msg> seen) {
		Map<Integer, Integer> last = new HashMap<>();
		for (Msg msg : seen) {
			Integer previous = last.put(msg.sender(), msg.seq());
			if (previous != null) {
				assertThat(msg.seq()).as("sender %d's order", msg.sender()).isGreaterThan(previous);
			}
		}
	}

	/**
	 * The sequential model of one actor: which of the messages, in the order it saw them,
	 * end as dead letters, and why; the others are processed.
	 */
	private static Map<Msg, DeadLetter.Reason> replay(List<Msg> seen) {
		Map<Msg, DeadLetter.Reason> deadLetters = new HashMap<>();
		ArrayDeque<Msg> stash = new ArrayDeque<>();
		for (Msg msg : seen) {
			if (msg.kind() == Kind.STASH) {
				if (stash.size() < STASH_CAPACITY) {
					stash.add(msg);
				}
				else {
					deadLetters.put(msg, DeadLetter.Reason.STASH_FULL);
				}
			}
			else if (msg.kind() == Kind.UNSTASH) {
				// handled again at once, for good this time
				stash.clear();
			}
		}
		// whatever is stashed when the actor stops
		for (Msg msg : stash) {
			deadLetters.put(msg, DeadLetter.Reason.STOPPED);
		}
		return deadLetters;
	}

	@Provide
	Arbitrary<Script> scripts() {
		Arbitrary<List<Integer>> capacities = Arbitraries.of(0, 0, 2, 8).list().ofMinSize(1).ofMaxSize(3);
		return capacities.flatMap((caps) -> {
			Arbitrary<Action> action = Combinators.combine(Arbitraries.integers().between(0, caps.size() - 1),
					Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(10, Arbitraries.just(Kind.PLAIN)),
							net.jqwik.api.Tuple.of(4, Arbitraries.just(Kind.STASH)),
							net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.UNSTASH)),
							net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.BECOME)),
							net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.UNBECOME)),
							net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.TIMER)),
							net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.STOP))))
				.as(Action::new);
			Arbitrary<List<List<Action>>> senders = action.list().ofMaxSize(80).list().ofMinSize(1).ofMaxSize(3);
			return Combinators.combine(senders, Arbitraries.of(true, false))
				.as((scripts, early) -> new Script(caps, scripts, early));
		});
	}

	enum Kind {

		PLAIN, STASH, UNSTASH, BECOME, UNBECOME, TIMER, STOP

	}

	record Action(int actor, Kind kind) {
	}

	record Script(List<Integer> capacities, List<List<Action>> senders, boolean shutdownWhileSending) {
	}

	record Msg(int sender, int seq, Kind kind) {
	}

	record Tick() {
	}

	/**
	 * What one actor saw first, in order, and what it handled for good. Actor's thread.
	 */
	static final class Recorder {

		final List<Msg> seen = new ArrayList<>();

		final Set<Msg> seenSet = new HashSet<>();

		final Set<Msg> handled = new HashSet<>();

	}

	static final class ModelActor {

		private final Recorder recorder;

		ModelActor(Recorder recorder) {
			this.recorder = recorder;
		}

		@Handles
		void on(Msg msg, ActorContext context) {
			boolean first = this.recorder.seenSet.add(msg);
			if (first) {
				this.recorder.seen.add(msg);
			}
			switch (msg.kind()) {
				case STASH -> {
					if (first) {
						// a full stash throws, and the message is a dead letter
						context.stash();
						return;
					}
				}
				case UNSTASH -> context.unstashAll();
				case BECOME -> context.become(new ModelActor(this.recorder));
				case UNBECOME -> {
					try {
						context.unbecome();
					}
					catch (IllegalStateException ex) {
						// no become in effect
					}
				}
				case TIMER -> context.timers().startSingle(msg, new Tick(), Duration.ofMillis(1));
				default -> {
				}
			}
			this.recorder.handled.add(msg);
		}

		@Handles
		void on(Tick tick) {
		}

	}

}
