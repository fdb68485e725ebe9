package io.actorbeans.benchmarks;

import java.lang.ref.Reference;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.actorbeans.benchmarks.Messages.Ball;
import io.actorbeans.benchmarks.Messages.Echo;
import io.actorbeans.benchmarks.Messages.Item;
import io.actorbeans.benchmarks.Messages.Start;
import org.HdrHistogram.Histogram;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.jspecify.annotations.Nullable;

/**
 * The workloads written for Apache Pekko classic actors ({@link AbstractActor}), with the
 * default dispatcher and mailbox; only logging is turned down.
 *
 * @since 0.1.0
 */
final class PekkoContender implements Contender {

	/** Only logging differs from Pekko's reference configuration. */
	private static final Config CONFIG = ConfigFactory
		.parseString("pekko.loglevel = WARNING\n" + "pekko.stdout-loglevel = WARNING\n"
				+ "pekko.log-dead-letters-during-shutdown = off\n")
		.withFallback(ConfigFactory.load());

	private final ActorSystem system = ActorSystem.create("bench", CONFIG);

	/** Makes the names of each run's actors unique, so that runs can repeat. */
	private final AtomicInteger runs = new AtomicInteger();

	/** The spawned idle actors, kept alive until close. */
	private ActorRef @Nullable [] idle;

	/** The settings this contender runs with, for the report. */
	static String settings() {
		Config dispatcher = CONFIG.getConfig("pekko.actor.default-dispatcher");
		Config forkJoin = dispatcher.getConfig("fork-join-executor");
		int cores = Runtime.getRuntime().availableProcessors();
		int threads = Math.min(forkJoin.getInt("parallelism-max"), Math.max(forkJoin.getInt("parallelism-min"),
				(int) Math.ceil(cores * forkJoin.getDouble("parallelism-factor"))));
		return "default-dispatcher: " + dispatcher.getString("executor") + " (fork-join-executor, parallelism-min "
				+ forkJoin.getInt("parallelism-min") + ", factor " + forkJoin.getDouble("parallelism-factor") + ": "
				+ threads + " threads), throughput " + dispatcher.getInt("throughput") + ", mailbox "
				+ CONFIG.getString("pekko.actor.default-mailbox.mailbox-type");
	}

	@Override
	public long pingPong(int pairs, int messagesPerPair) {
		int run = this.runs.incrementAndGet();
		CountDownLatch done = new CountDownLatch(pairs);
		ActorRef[] pingers = new ActorRef[pairs];
		ActorRef[] pongers = new ActorRef[pairs];
		for (int i = 0; i < pairs; i++) {
			int balls = messagesPerPair / 2;
			pingers[i] = this.system.actorOf(Props.create(Pinger.class, () -> new Pinger(balls, done)),
					"ping-" + run + "-" + i);
			pongers[i] = this.system.actorOf(Props.create(Ponger.class, Ponger::new), "pong-" + run + "-" + i);
		}
		long start = System.nanoTime();
		for (int i = 0; i < pairs; i++) {
			pongers[i].tell(Ball.INSTANCE, pingers[i]);
		}
		Threads.await(done, "ping-pong");
		long elapsed = System.nanoTime() - start;
		stop(pingers);
		stop(pongers);
		return elapsed;
	}

	@Override
	public long fanIn(int producers, int messagesPerProducer) {
		CountDownLatch done = new CountDownLatch(1);
		FanInCheck check = new FanInCheck(producers, messagesPerProducer);
		ActorRef sink = this.system.actorOf(Props.create(Sink.class, () -> new Sink(check, done)),
				"sink-" + this.runs.incrementAndGet());
		long start = System.nanoTime();
		Threads.runAll("producer", producers, (producer) -> {
			for (int sequence = 0; sequence < messagesPerProducer; sequence++) {
				sink.tell(new Item(producer, sequence), ActorRef.noSender());
			}
		});
		Threads.await(done, "fan-in");
		long elapsed = System.nanoTime() - start;
		check.verify(messagesPerProducer);
		this.system.stop(sink);
		return elapsed;
	}

	@Override
	public SpawnResult spawn(int actors) {
		ActorRef[] refs = new ActorRef[actors];
		Props props = Props.create(Idle.class, Idle::new);
		Idle.started.reset();
		long before = Threads.usedHeapAfterGc();
		long start = System.nanoTime();
		for (int i = 0; i < actors; i++) {
			refs[i] = this.system.actorOf(props, "idle-" + i);
		}
		// actorOf returns at once and the actor starts on the dispatcher: wait for all.
		long deadline = start + Threads.TIMEOUT.toNanos();
		while (Idle.started.sum() < actors) {
			if (System.nanoTime() > deadline) {
				throw new WrongAnswerException(
						"Spawn: " + Idle.started.sum() + " of " + actors + " actors started in " + Threads.TIMEOUT);
			}
			Thread.onSpinWait();
		}
		long elapsed = System.nanoTime() - start;
		long after = Threads.usedHeapAfterGc();
		this.idle = refs;
		Reference.reachabilityFence(refs);
		return new SpawnResult(elapsed, (after - before) / (double) actors);
	}

	@Override
	public RequestReplyResult requestReply(int threads, int calls) {
		int run = this.runs.incrementAndGet();
		ActorRef[] echoes = new ActorRef[threads];
		for (int i = 0; i < threads; i++) {
			echoes[i] = this.system.actorOf(Props.create(EchoActor.class, EchoActor::new), "echo-" + run + "-" + i);
		}
		Histogram[] latencies = new Histogram[threads];
		int perThread = calls / threads;
		Duration timeout = Threads.TIMEOUT;
		long elapsed = Threads.runAll("caller", threads, (caller) -> {
			Histogram latency = new Histogram(3);
			ActorRef echo = echoes[caller];
			for (int sequence = 0; sequence < perThread; sequence++) {
				Echo request = new Echo(caller, sequence);
				long start = System.nanoTime();
				Object reply = get(Patterns.ask(echo, request, timeout).toCompletableFuture());
				latency.recordValue(System.nanoTime() - start);
				if (!request.equals(reply)) {
					throw new WrongAnswerException("Request-reply: " + request + " answered with " + reply);
				}
			}
			latencies[caller] = latency;
		});
		stop(echoes);
		return new RequestReplyResult(elapsed, perThread * threads, ActorbeansContender.merge(latencies));
	}

	@Override
	public long tree(int leaves) {
		ActorRef root = this.system.actorOf(Node.PROPS, "skynet-" + this.runs.incrementAndGet());
		long start = System.nanoTime();
		Object sum = get(Patterns.ask(root, new Start(0, leaves), Threads.TIMEOUT).toCompletableFuture());
		long elapsed = System.nanoTime() - start;
		if (!Long.valueOf(Messages.treeSum(leaves)).equals(sum)) {
			throw new WrongAnswerException("Tree: sum " + sum + ", expected " + Messages.treeSum(leaves));
		}
		return elapsed;
	}

	@Override
	public void close() {
		this.system.terminate();
		try {
			this.system.getWhenTerminated().toCompletableFuture().get(1, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Pekko did not terminate", ex);
		}
		this.idle = null;
	}

	private void stop(ActorRef[] actors) {
		for (ActorRef actor : actors) {
			this.system.stop(actor);
		}
	}

	private static Object get(CompletableFuture<Object> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new WrongAnswerException("Pekko ask failed: " + ex.getCause());
		}
	}

	/** Replies to the ball until it has seen its share, then opens the latch. */
	static final class Pinger extends AbstractActor {

		private final CountDownLatch done;

		private int remaining;

		Pinger(int balls, CountDownLatch done) {
			this.remaining = balls;
			this.done = done;
		}

		@Override
		public Receive createReceive() {
			return receiveBuilder().match(Ball.class, this::onBall).build();
		}

		private void onBall(Ball ball) {
			if (--this.remaining > 0) {
				getSender().tell(ball, getSelf());
			}
			else {
				this.done.countDown();
			}
		}

	}

	/** Returns the ball to its sender. */
	static final class Ponger extends AbstractActor {

		@Override
		public Receive createReceive() {
			return receiveBuilder().match(Ball.class, (ball) -> getSender().tell(ball, getSelf())).build();
		}

	}

	/** Checks the fan-in messages and opens the latch after the last. */
	static final class Sink extends AbstractActor {

		private final FanInCheck check;

		private final CountDownLatch done;

		Sink(FanInCheck check, CountDownLatch done) {
			this.check = check;
			this.done = done;
		}

		@Override
		public Receive createReceive() {
			return receiveBuilder().match(Item.class, (item) -> {
				if (this.check.accept(item)) {
					this.done.countDown();
				}
			}).build();
		}

	}

	/**
	 * An idle actor: a receive, no state. Counts its start in a static counter, since
	 * {@code actorOf} returns before the actor has started; no field is added to it.
	 */
	static final class Idle extends AbstractActor {

		static final LongAdder started = new LongAdder();

		@Override
		public void preStart() {
			started.increment();
		}

		@Override
		public Receive createReceive() {
			return receiveBuilder().matchAny((message) -> {
			}).build();
		}

	}

	/** Echoes each request to its sender. */
	static final class EchoActor extends AbstractActor {

		@Override
		public Receive createReceive() {
			return receiveBuilder().match(Echo.class, (echo) -> getSender().tell(echo, getSelf())).build();
		}

	}

	/** A node of the skynet tree; its children are named by their index. */
	static final class Node extends AbstractActor {

		static final Props PROPS = Props.create(Node.class, Node::new);

		private @Nullable ActorRef parent;

		private long sum;

		private int pending;

		@Override
		public Receive createReceive() {
			return receiveBuilder().match(Start.class, this::onStart).match(Long.class, this::onSum).build();
		}

		private void onStart(Start start) {
			if (start.size() == 1) {
				getSender().tell(start.first(), getSelf());
				return;
			}
			this.parent = getSender();
			this.pending = 10;
			long childSize = start.size() / 10;
			for (int i = 0; i < 10; i++) {
				ActorRef child = getContext().actorOf(PROPS, Integer.toString(i));
				child.tell(new Start(start.first() + i * childSize, childSize), getSelf());
			}
		}

		private void onSum(Long sum) {
			this.sum += sum;
			if (--this.pending == 0 && this.parent != null) {
				this.parent.tell(this.sum, getSelf());
			}
		}

	}

}
