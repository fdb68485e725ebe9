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
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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
 * had stopped; and every message a sender sent after its own Stop to that actor, if the
 * mailbox accepted the Stop, is one;
 * <li>the actors' processed counts and the dead letters add up to what was sent.
 * </ul>
 * Each script comes from a seed, so a failure names the seed that replays it
 * ({@code -Dmodel.seed=N}); the interleaving of the senders and the actors differs from
 * run to run.
 */
@Timeout(60)
class ActorModelTests {

	private static final int STASH_CAPACITY = 3;

	private static final int SCRIPTS = 40;

	/** What a script asks of an actor, ten times in twenty-three a plain message. */
	private static final Kind[] KINDS = weighted(Map.of(Kind.PLAIN, 10, Kind.STASH, 4, Kind.UNSTASH, 2, Kind.BECOME, 2,
			Kind.UNBECOME, 2, Kind.TIMER, 2, Kind.STOP, 1));

	private static final int[] CAPACITIES = { 0, 0, 2, 8 };

	/** Seeds 1 to 40, or the one {@code -Dmodel.seed=N} names to replay a failure. */
	static LongStream seeds() {
		String seed = System.getProperty("model.seed");
		return (seed != null) ? LongStream.of(Long.parseLong(seed)) : LongStream.rangeClosed(1, SCRIPTS);
	}

	@ParameterizedTest(name = "script of seed {0}")
	@MethodSource("seeds")
	void everyMessageEndsOnceAsTheModelSays(long seed) throws InterruptedException {
		Script script = Script.of(seed);
		ActorSystem system = ActorSystem.create(ActorSystemSettings.defaults().withName("model"));
		Map<Msg, DeadLetter.Reason> deadLetters = new ConcurrentHashMap<>();
		Queue<DeadLetter> otherDeadLetters = new ConcurrentLinkedQueue<>();
		system.addDeadLetterListener((deadLetter) -> {
			if (deadLetter.message() instanceof Msg msg) {
				assertThat(deadLetters.put(msg, deadLetter.reason())).as("a second end of %s", msg).isNull();
			}
			else {
				otherDeadLetters.add(deadLetter);
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
		// each Stop of the script, by sender and position, to tell the refused ones
		Map<List<Integer>, Stop> stops = new HashMap<>();
		List<Thread> senders = new ArrayList<>();
		for (int s = 0; s < script.senders().size(); s++) {
			List<Action> actions = script.senders().get(s);
			int sender = s;
			for (int seq = 0; seq < actions.size(); seq++) {
				if (actions.get(seq).kind() == Kind.STOP) {
					stops.put(List.of(sender, seq), new Stop());
				}
			}
			senders.add(new Thread(() -> {
				for (int seq = 0; seq < actions.size(); seq++) {
					Action action = actions.get(seq);
					ActorRef target = actors.get(action.actor());
					target.send((action.kind() == Kind.STOP) ? stops.get(List.of(sender, seq))
							: new Msg(sender, seq, action.kind()));
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
			.allSatisfy((deadLetter) -> assertThat(deadLetter.message()).isInstanceOf(Stop.class));

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
					Stop stop = stops.get(List.of(s, seq));
					boolean refused = otherDeadLetters.stream()
						.anyMatch((deadLetter) -> deadLetter.message() == stop
								&& deadLetter.reason() == DeadLetter.Reason.MAILBOX_FULL);
					if (!refused) {
						stoppedBySender.add(action.actor());
					}
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
					assertThat(seen).as("%s was sent after its sender's accepted Stop", msg).isFalse();
				}
			}
		}
		long processed = ended.values().stream().mapToLong(ActorInfo::processed).sum();
		long stopsProcessed = processed - finals;
		assertThat(stopsProcessed + otherDeadLetters.size()).as("every Stop ends once").isEqualTo(stopsSent);
		assertThat(finals + deadLetters.size()).as("every message ends once").isEqualTo(messagesSent);
	}

	private static Kind[] weighted(Map<Kind, Integer> weights) {
		List<Kind> kinds = new ArrayList<>();
		for (Kind kind : Kind.values()) {
			for (int i = 0; i < weights.get(kind); i++) {
				kinds.add(kind);
			}
		}
		return kinds.toArray(Kind[]::new);
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

	enum Kind {

		PLAIN, STASH, UNSTASH, BECOME, UNBECOME, TIMER, STOP

	}

	record Action(int actor, Kind kind) {
	}

	/**
	 * One to three actors, each unbounded or with a capacity of 2 or 8; one to three
	 * senders of up to 80 actions each; and whether the shutdown starts while they send.
	 */
	record Script(List<Integer> capacities, List<List<Action>> senders, boolean shutdownWhileSending) {

		static Script of(long seed) {
			SplittableRandom random = new SplittableRandom(seed);
			List<Integer> capacities = new ArrayList<>();
			for (int actors = 1 + random.nextInt(3); capacities.size() < actors;) {
				capacities.add(CAPACITIES[random.nextInt(CAPACITIES.length)]);
			}
			List<List<Action>> senders = new ArrayList<>();
			for (int count = 1 + random.nextInt(3); senders.size() < count;) {
				List<Action> actions = new ArrayList<>();
				for (int size = random.nextInt(81); actions.size() < size;) {
					actions.add(new Action(random.nextInt(capacities.size()), KINDS[random.nextInt(KINDS.length)]));
				}
				senders.add(actions);
			}
			return new Script(capacities, senders, random.nextBoolean());
		}

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
