package io.actorbeans.benchmarks;

import java.lang.ref.Reference;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.actorbeans.ActorContext;
import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.ActorSystemSettings;
import io.actorbeans.Bridge;
import io.actorbeans.Handles;
import io.actorbeans.Stop;
import io.actorbeans.benchmarks.Messages.Ball;
import io.actorbeans.benchmarks.Messages.Echo;
import io.actorbeans.benchmarks.Messages.Item;
import io.actorbeans.benchmarks.Messages.Start;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * The workloads written for actorbeans, with {@link ActorSystemSettings#defaults()}: the
 * shared dispatcher (one thread per core), throughput 32, unbounded mailboxes.
 *
 * @since 0.1.0
 */
final class ActorbeansContender implements Contender {

	private final ActorSystem system;

	/** Makes the names of each run's actors unique, so that runs can repeat. */
	private final AtomicInteger runs = new AtomicInteger();

	/** The spawned idle actors, kept alive until close. */
	private ActorRef @Nullable [] idle;

	ActorbeansContender() {
		this(ActorSystemSettings.defaults().withName("bench"));
	}

	/**
	 * A contender on a system of other settings than the defaults.
	 * @param settings the settings
	 */
	ActorbeansContender(ActorSystemSettings settings) {
		this.system = ActorSystem.create(settings);
	}

	/** The settings this contender runs with, for the report. */
	static String settings() {
		ActorSystemSettings settings = ActorSystemSettings.defaults();
		return "ActorSystemSettings.defaults(): dispatcher " + settings.dispatcher().configName() + " ("
				+ settings.sharedPoolSize() + " threads), throughput " + settings.throughput() + ", mailbox "
				+ ((settings.mailboxCapacity() == 0) ? "unbounded" : settings.mailboxCapacity());
	}

	@Override
	public long pingPong(int pairs, int messagesPerPair) {
		int run = this.runs.incrementAndGet();
		CountDownLatch done = new CountDownLatch(pairs);
		ActorRef[] pingers = new ActorRef[pairs];
		ActorRef[] pongers = new ActorRef[pairs];
		for (int i = 0; i < pairs; i++) {
			pingers[i] = this.system.spawn("ping-" + run + "-" + i, new Pinger(messagesPerPair / 2, done));
			pongers[i] = this.system.spawn("pong-" + run + "-" + i, new Ponger());
		}
		long start = System.nanoTime();
		for (int i = 0; i < pairs; i++) {
			pongers[i].send(Ball.INSTANCE, pingers[i]);
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
		ActorRef sink = this.system.spawn("sink-" + this.runs.incrementAndGet(), new Sink(check, done));
		long start = System.nanoTime();
		Threads.runAll("producer", producers, (producer) -> {
			for (int sequence = 0; sequence < messagesPerProducer; sequence++) {
				sink.send(new Item(producer, sequence));
			}
		});
		Threads.await(done, "fan-in");
		long elapsed = System.nanoTime() - start;
		check.verify(messagesPerProducer);
		sink.send(new Stop());
		return elapsed;
	}

	@Override
	public SpawnResult spawn(int actors) {
		ActorRef[] refs = new ActorRef[actors];
		long before = Threads.usedHeapAfterGc();
		long start = System.nanoTime();
		for (int i = 0; i < actors; i++) {
			refs[i] = this.system.spawn("idle-" + i, new Idle());
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
		Bridge bridge = this.system.bridge();
		ActorRef[] echoes = new ActorRef[threads];
		for (int i = 0; i < threads; i++) {
			echoes[i] = this.system.spawn("echo-" + run + "-" + i, new EchoActor());
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
				Echo reply = bridge.call(echo, request, timeout);
				latency.recordValue(System.nanoTime() - start);
				if (!request.equals(reply)) {
					throw new WrongAnswerException("Request-reply: " + request + " answered with " + reply);
				}
			}
			latencies[caller] = latency;
		});
		stop(echoes);
		return new RequestReplyResult(elapsed, perThread * threads, merge(latencies));
	}

	@Override
	public long tree(int leaves) {
		int run = this.runs.incrementAndGet();
		String prefix = "skynet-" + run + "-";
		ActorRef root = this.system.spawn(prefix + leaves + "-0", new Node(prefix));
		long start = System.nanoTime();
		Object sum;
		try {
			sum = this.system.bridge().ask(root, new Start(0, leaves), Threads.TIMEOUT).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new WrongAnswerException("Tree: the root failed: " + ex.getCause());
		}
		long elapsed = System.nanoTime() - start;
		if (!Long.valueOf(Messages.treeSum(leaves)).equals(sum)) {
			throw new WrongAnswerException("Tree: sum " + sum + ", expected " + Messages.treeSum(leaves));
		}
		return elapsed;
	}

	@Override
	public void close() {
		this.system.shutdown(Duration.ofMinutes(1));
		this.idle = null;
	}

	private static void stop(ActorRef[] actors) {
		for (ActorRef actor : actors) {
			actor.send(new Stop());
		}
	}

	static Histogram merge(Histogram[] histograms) {
		Histogram all = new Histogram(3);
		for (Histogram histogram : histograms) {
			all.add(histogram);
		}
		return all;
	}

	/** Replies to the ball until it has seen its share, then opens the latch. */
	static final class Pinger {

		private final CountDownLatch done;

		private int remaining;

		Pinger(int balls, CountDownLatch done) {
			this.remaining = balls;
			this.done = done;
		}

		@Handles
		void onBall(Ball ball, ActorContext context) {
			if (--this.remaining > 0) {
				context.reply(ball);
			}
			else {
				this.done.countDown();
			}
		}

	}

	/** Returns the ball: a handler's return value is its reply. */
	static final class Ponger {

		@Handles
		Ball onBall(Ball ball) {
			return ball;
		}

	}

	/** Checks the fan-in messages and opens the latch after the last. */
	static final class Sink {

		private final FanInCheck check;

		private final CountDownLatch done;

		Sink(FanInCheck check, CountDownLatch done) {
			this.check = check;
			this.done = done;
		}

		@Handles
		void onItem(Item item) {
			if (this.check.accept(item)) {
				this.done.countDown();
			}
		}

	}

	/** An idle actor: a handler, no state. */
	static final class Idle {

		@Handles
		void onMessage(Object message) {
		}

	}

	/** Echoes each request as its reply. */
	static final class EchoActor {

		@Handles
		Echo onEcho(Echo echo) {
			return echo;
		}

	}

	/**
	 * A node of the skynet tree. Names are unique among live actors: a node's is the
	 * run's prefix, its size and its first number.
	 */
	static final class Node {

		private final String prefix;

		private @Nullable ActorRef parent;

		private long sum;

		private int pending;

		Node(String prefix) {
			this.prefix = prefix;
		}

		@Handles
		@Nullable Long onStart(Start start, ActorRef sender, ActorContext context) {
			if (start.size() == 1) {
				return start.first();
			}
			this.parent = sender;
			this.pending = 10;
			long childSize = start.size() / 10;
			for (int i = 0; i < 10; i++) {
				long first = start.first() + i * childSize;
				ActorRef child = context.system().spawn(this.prefix + childSize + "-" + first, new Node(this.prefix));
				child.send(new Start(first, childSize), context.self());
			}
			return null;
		}

		@Handles
		void onSum(Long sum, ActorContext context) {
			this.sum += sum;
			if (--this.pending == 0 && this.parent != null) {
				this.parent.send(this.sum, context.self());
			}
		}

	}

}
