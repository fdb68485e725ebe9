package io.actorbeans.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

import io.actorbeans.benchmarks.Messages.Ball;
import io.actorbeans.benchmarks.Messages.Echo;
import io.actorbeans.benchmarks.Messages.Item;
import org.HdrHistogram.Histogram;
import org.jctools.queues.MpscArrayQueue;
import org.jctools.queues.SpscArrayQueue;

/**
 * The physical limit: no actors, platform threads handing messages off through JCTools
 * queues, busy-waiting (a short spin, then {@link Thread#yield()}) instead of parking.
 * Ping-pong: two threads per pair and an SPSC queue each way. Fan-in: the producers and
 * one consumer thread on an MPSC queue. Request-reply: each calling thread with a server
 * thread of its own, an SPSC queue each way. Spawn and tree have no raw form.
 *
 * @since 0.1.0
 */
final class RawContender implements Contender {

	private static final int CAPACITY = 1 << 16;

	private static final int SPINS = 100;

	@Override
	public long pingPong(int pairs, int messagesPerPair) {
		int balls = messagesPerPair / 2;
		List<Queue<Object>> toPong = spscQueues(pairs);
		List<Queue<Object>> toPing = spscQueues(pairs);
		return Threads.runAll("raw-ping-pong", pairs * 2, (index) -> {
			int pair = index / 2;
			if (index % 2 == 0) {
				put(toPong.get(pair), Ball.INSTANCE);
				for (int i = 0; i < balls; i++) {
					Object ball = take(toPing.get(pair));
					if (i < balls - 1) {
						put(toPong.get(pair), ball);
					}
				}
			}
			else {
				for (int i = 0; i < balls; i++) {
					put(toPing.get(pair), take(toPong.get(pair)));
				}
			}
		});
	}

	@Override
	public long fanIn(int producers, int messagesPerProducer) {
		MpscArrayQueue<Item> queue = new MpscArrayQueue<>(CAPACITY);
		FanInCheck check = new FanInCheck(producers, messagesPerProducer);
		long elapsed = Threads.runAll("raw-fan-in", producers + 1, (index) -> {
			if (index == producers) {
				while (!check.accept(take(queue))) {
					// checked in accept
				}
			}
			else {
				for (int sequence = 0; sequence < messagesPerProducer; sequence++) {
					put(queue, new Item(index, sequence));
				}
			}
		});
		check.verify(messagesPerProducer);
		return elapsed;
	}

	@Override
	public SpawnResult spawn(int actors) {
		throw new UnsupportedOperationException("No raw form of spawn");
	}

	@Override
	public RequestReplyResult requestReply(int threads, int calls) {
		int perThread = calls / threads;
		Histogram[] latencies = new Histogram[threads];
		List<Queue<Echo>> requests = spscQueues(threads);
		List<Queue<Echo>> replies = spscQueues(threads);
		long elapsed = Threads.runAll("raw-request-reply", threads * 2, (index) -> {
			int caller = index / 2;
			if (index % 2 == 1) {
				for (int i = 0; i < perThread; i++) {
					put(replies.get(caller), take(requests.get(caller)));
				}
				return;
			}
			Histogram latency = new Histogram(3);
			for (int sequence = 0; sequence < perThread; sequence++) {
				Echo request = new Echo(caller, sequence);
				long start = System.nanoTime();
				put(requests.get(caller), request);
				Echo reply = take(replies.get(caller));
				latency.recordValue(System.nanoTime() - start);
				if (!request.equals(reply)) {
					throw new WrongAnswerException("Request-reply: " + request + " answered with " + reply);
				}
			}
			latencies[caller] = latency;
		});
		return new RequestReplyResult(elapsed, perThread * threads, ActorbeansContender.merge(latencies));
	}

	@Override
	public long tree(int leaves) {
		throw new UnsupportedOperationException("No raw form of the tree");
	}

	@Override
	public void close() {
	}

	private static <T> List<Queue<T>> spscQueues(int count) {
		List<Queue<T>> queues = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			queues.add(new SpscArrayQueue<>(CAPACITY));
		}
		return queues;
	}

	private static <T> T take(Queue<T> queue) {
		int spins = 0;
		T value;
		while ((value = queue.poll()) == null) {
			if (++spins < SPINS) {
				Thread.onSpinWait();
			}
			else {
				Thread.yield();
			}
		}
		return value;
	}

	private static <T> void put(Queue<T> queue, T value) {
		int spins = 0;
		while (!queue.offer(value)) {
			if (++spins < SPINS) {
				Thread.onSpinWait();
			}
			else {
				Thread.yield();
			}
		}
	}

}
