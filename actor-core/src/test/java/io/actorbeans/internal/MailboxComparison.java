package io.actorbeans.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.RuntimeMXBean;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jctools.queues.MpscChunkedArrayQueue;
import org.jctools.queues.MpscLinkedQueue;
import org.jctools.queues.MpscUnboundedXaddArrayQueue;

/**
 * Compares the intrusive {@link Mailbox} with JCTools queues, and
 * {@link ConcurrentLinkedQueue} for reference, as the queue of an actor. Not a test: a
 * program that prints two tables.
 * <ul>
 * <li>Footprint: the heap retained per empty queue, from the used heap after
 * {@code System.gc()} with and without 1,000,000 of them. For the intrusive mailbox that
 * is the whole {@link Mailbox} object (a {@link java.util.concurrent.ForkJoinTask} and
 * three references), which is part of the actor cell anyway.
 * <li>Throughput: 4 producers send 2,000,000 messages each into one queue, which one
 * consumer drains, spinning while it is empty. Each message is a new {@link Envelope}
 * holding a new payload, and the consumer checks that each producer's messages arrive
 * complete and in order. One warm-up round, then 5 rounds, the variants taking turns
 * within each round.
 * </ul>
 * Run from the repository root: <pre>{@code
 * ./mvnw -q -pl actor-core test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt && java -Xms4g -Xmx4g -XX:+UseG1GC -cp actor-core/target/classes:actor-core/target/test-classes:$(cat actor-core/target/cp.txt) io.actorbeans.internal.MailboxComparison
 * }</pre>
 */
public final class MailboxComparison {

	private static final int QUEUES = 1_000_000;

	private static final int PRODUCERS = 4;

	private static final int MESSAGES_PER_PRODUCER = 2_000_000;

	private static final int WARM_UP_ROUNDS = 1;

	private static final int ROUNDS = 5;

	/** How long the consumer waits on an empty queue before it reports lost messages. */
	private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(30);

	private static final List<Variant<?>> VARIANTS = List.of(
			new Variant<>("Mailbox (intrusive)", BareMailbox::new, MailboxFanIn::new),
			new Variant<>("MpscLinkedQueue", MpscLinkedQueue<Envelope>::new, LinkedFanIn::new),
			new Variant<>("MpscUnboundedXaddArrayQueue(32, 0)", () -> new MpscUnboundedXaddArrayQueue<Envelope>(32, 0),
					XaddFanIn::new),
			new Variant<>("MpscChunkedArrayQueue(8, 1 << 30)", () -> new MpscChunkedArrayQueue<Envelope>(8, 1 << 30),
					ChunkedFanIn::new),
			new Variant<>("ConcurrentLinkedQueue", ConcurrentLinkedQueue<Envelope>::new, ConcurrentLinkedFanIn::new));

	private MailboxComparison() {
	}

	public static void main(String[] args) throws Exception {
		RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
		System.out.printf("JVM: %s %s (%s), %d processors%n", runtime.getVmName(),
				System.getProperty("java.runtime.version"), runtime.getVmVendor(),
				Runtime.getRuntime().availableProcessors());
		System.out.println("Flags: " + String.join(" ", runtime.getInputArguments()));
		System.out.println();
		printFootprints();
		System.out.println();
		printThroughputs();
	}

	private static void printFootprints() {
		System.out.printf("Footprint: retained heap per empty queue, %,d queues%n", QUEUES);
		System.out.printf("%-36s %12s%n", "variant", "bytes/queue");
		for (Variant<?> variant : VARIANTS) {
			System.out.printf("%-36s %12.1f%n", variant.name(), footprint(variant));
		}
	}

	private static double footprint(Variant<?> variant) {
		Object[] queues = new Object[QUEUES];
		long without = usedHeapAfterGc();
		for (int i = 0; i < queues.length; i++) {
			queues[i] = variant.queues().get();
		}
		long with = usedHeapAfterGc();
		Reference.reachabilityFence(queues);
		return (double) (with - without) / QUEUES;
	}

	private static long usedHeapAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

	private static void printThroughputs() throws Exception {
		System.out.printf(
				"Throughput: %d producers x %,d messages into one queue, one consumer (msg/s), "
						+ "%d warm-up round(s), then %d rounds%n",
				PRODUCERS, MESSAGES_PER_PRODUCER, WARM_UP_ROUNDS, ROUNDS);
		double[][] rates = new double[VARIANTS.size()][ROUNDS];
		ExecutorService threads = Executors.newFixedThreadPool(PRODUCERS + 1);
		try {
			for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
				for (int turn = 0; turn < VARIANTS.size(); turn++) {
					// each round starts with the next variant, so that none always runs
					// first
					int index = Math.floorMod(round + turn, VARIANTS.size());
					double rate = throughput(VARIANTS.get(index), threads);
					if (round >= 0) {
						rates[index][round] = rate;
					}
				}
			}
		}
		finally {
			threads.shutdownNow();
		}
		StringBuilder header = new StringBuilder(String.format("%-36s %12s", "variant", "median"));
		for (int round = 1; round <= ROUNDS; round++) {
			header.append(String.format(" %12s", "round " + round));
		}
		System.out.println(header);
		for (int index = 0; index < VARIANTS.size(); index++) {
			StringBuilder row = new StringBuilder(
					String.format("%-36s %,12.0f", VARIANTS.get(index).name(), median(rates[index])));
			for (double rate : rates[index]) {
				row.append(String.format(" %,12.0f", rate));
			}
			System.out.println(row);
		}
	}

	private static double throughput(Variant<?> variant, ExecutorService threads) throws Exception {
		FanIn fanIn = variant.newFanIn();
		Receiver receiver = new Receiver(PRODUCERS, MESSAGES_PER_PRODUCER);
		CountDownLatch ready = new CountDownLatch(PRODUCERS + 1);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> tasks = new ArrayList<>();
		for (int producer = 0; producer < PRODUCERS; producer++) {
			int id = producer;
			tasks.add(threads.submit(() -> {
				awaitStart(ready, start);
				fanIn.produce(id, MESSAGES_PER_PRODUCER);
			}));
		}
		Future<?> consumer = threads.submit(() -> {
			awaitStart(ready, start);
			fanIn.consume(receiver);
		});
		System.gc();
		ready.await();
		long began = System.nanoTime();
		start.countDown();
		consumer.get();
		long elapsed = System.nanoTime() - began;
		for (Future<?> task : tasks) {
			task.get();
		}
		receiver.checkComplete(fanIn);
		return (double) PRODUCERS * MESSAGES_PER_PRODUCER * TimeUnit.SECONDS.toNanos(1) / elapsed;
	}

	private static void awaitStart(CountDownLatch ready, CountDownLatch start) {
		ready.countDown();
		try {
			start.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/**
	 * A queue to compare: how to create an empty one, and how to run the fan-in over one.
	 *
	 * @param <Q> the type of the queue
	 */
	private record Variant<Q>(String name, Supplier<Q> queues, Function<Q, FanIn> fanIn) {

		FanIn newFanIn() {
			return this.fanIn.apply(this.queues.get());
		}

	}

	/** The message each envelope carries. */
	private record Message(int producer, int sequence) {
	}

	/**
	 * One queue with its producer and consumer loops. Each variant has its own class, so
	 * that the JIT sees a single queue type in each loop and inlines its offer and poll.
	 */
	private interface FanIn {

		void produce(int producer, int count);

		/** Take envelopes until the receiver has them all. */
		void consume(Receiver receiver);

		/** Take one envelope, or {@code null} if the queue is empty. */
		Envelope poll();

	}

	/**
	 * The consumer's side: checks that each producer's messages arrive in order and none
	 * is lost.
	 */
	private static final class Receiver {

		private final int[] next;

		private final int count;

		private int remaining;

		private long idleSince;

		Receiver(int producers, int count) {
			this.next = new int[producers];
			this.count = count;
			this.remaining = producers * count;
		}

		boolean expectsMore() {
			return this.remaining > 0;
		}

		void take(Envelope envelope) {
			Message message = (Message) envelope.message;
			// the intrusive queue keeps the last envelope taken as its stub, so the
			// consumer clears it
			envelope.message = null;
			int expected = this.next[message.producer()]++;
			if (message.sequence() != expected) {
				throw new IllegalStateException("Producer " + message.producer() + ": got message " + message.sequence()
						+ " where " + expected + " was expected");
			}
			this.remaining--;
			this.idleSince = 0;
		}

		void idle() {
			long now = System.nanoTime();
			if (this.idleSince == 0) {
				this.idleSince = now;
			}
			else if (now - this.idleSince > STALL_NANOS) {
				throw new IllegalStateException("Lost messages: the queue stayed empty with " + this.remaining
						+ " still expected; next sequence per producer " + Arrays.toString(this.next));
			}
			Thread.onSpinWait();
		}

		void checkComplete(FanIn fanIn) {
			for (int producer = 0; producer < this.next.length; producer++) {
				if (this.next[producer] != this.count) {
					throw new IllegalStateException("Producer " + producer + ": got " + this.next[producer]
							+ " messages where " + this.count + " were sent");
				}
			}
			if (fanIn.poll() != null) {
				throw new IllegalStateException("The queue holds more messages than were sent");
			}
		}

	}

	/** The smallest concrete mailbox: the queue alone. */
	private static final class BareMailbox extends Mailbox {

		private static final long serialVersionUID = 1L;

		@Override
		void run() {
		}

	}

	private static final class MailboxFanIn implements FanIn {

		private final BareMailbox queue;

		MailboxFanIn(BareMailbox queue) {
			this.queue = queue;
		}

		@Override
		public void produce(int producer, int count) {
			for (int i = 0; i < count; i++) {
				this.queue.enqueue(new Envelope(new Message(producer, i), null));
			}
		}

		@Override
		public void consume(Receiver receiver) {
			while (receiver.expectsMore()) {
				Envelope envelope = this.queue.poll();
				if (envelope != null) {
					receiver.take(envelope);
				}
				else {
					receiver.idle();
				}
			}
		}

		@Override
		public Envelope poll() {
			return this.queue.poll();
		}

	}

	private static final class LinkedFanIn implements FanIn {

		private final MpscLinkedQueue<Envelope> queue;

		LinkedFanIn(MpscLinkedQueue<Envelope> queue) {
			this.queue = queue;
		}

		@Override
		public void produce(int producer, int count) {
			for (int i = 0; i < count; i++) {
				this.queue.offer(new Envelope(new Message(producer, i), null));
			}
		}

		@Override
		public void consume(Receiver receiver) {
			while (receiver.expectsMore()) {
				Envelope envelope = this.queue.poll();
				if (envelope != null) {
					receiver.take(envelope);
				}
				else {
					receiver.idle();
				}
			}
		}

		@Override
		public Envelope poll() {
			return this.queue.poll();
		}

	}

	private static final class XaddFanIn implements FanIn {

		private final MpscUnboundedXaddArrayQueue<Envelope> queue;

		XaddFanIn(MpscUnboundedXaddArrayQueue<Envelope> queue) {
			this.queue = queue;
		}

		@Override
		public void produce(int producer, int count) {
			for (int i = 0; i < count; i++) {
				this.queue.offer(new Envelope(new Message(producer, i), null));
			}
		}

		@Override
		public void consume(Receiver receiver) {
			while (receiver.expectsMore()) {
				Envelope envelope = this.queue.poll();
				if (envelope != null) {
					receiver.take(envelope);
				}
				else {
					receiver.idle();
				}
			}
		}

		@Override
		public Envelope poll() {
			return this.queue.poll();
		}

	}

	private static final class ChunkedFanIn implements FanIn {

		private final MpscChunkedArrayQueue<Envelope> queue;

		ChunkedFanIn(MpscChunkedArrayQueue<Envelope> queue) {
			this.queue = queue;
		}

		@Override
		public void produce(int producer, int count) {
			for (int i = 0; i < count; i++) {
				this.queue.offer(new Envelope(new Message(producer, i), null));
			}
		}

		@Override
		public void consume(Receiver receiver) {
			while (receiver.expectsMore()) {
				Envelope envelope = this.queue.poll();
				if (envelope != null) {
					receiver.take(envelope);
				}
				else {
					receiver.idle();
				}
			}
		}

		@Override
		public Envelope poll() {
			return this.queue.poll();
		}

	}

	private static final class ConcurrentLinkedFanIn implements FanIn {

		private final ConcurrentLinkedQueue<Envelope> queue;

		ConcurrentLinkedFanIn(ConcurrentLinkedQueue<Envelope> queue) {
			this.queue = queue;
		}

		@Override
		public void produce(int producer, int count) {
			for (int i = 0; i < count; i++) {
				this.queue.offer(new Envelope(new Message(producer, i), null));
			}
		}

		@Override
		public void consume(Receiver receiver) {
			while (receiver.expectsMore()) {
				Envelope envelope = this.queue.poll();
				if (envelope != null) {
					receiver.take(envelope);
				}
				else {
					receiver.idle();
				}
			}
		}

		@Override
		public Envelope poll() {
			return this.queue.poll();
		}

	}

}
