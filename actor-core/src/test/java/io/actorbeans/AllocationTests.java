package io.actorbeans;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.management.ThreadMXBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that a send and its dispatch allocate nothing but the envelope: 24 bytes with
 * compressed references (a 12-byte header and three references), measured at exactly 24
 * per one-way message and 48 per request and reply. The bounds leave 8 bytes for counting
 * noise, less than any extra object. Counted with the JVM's per-thread allocation
 * counters, over all threads, so the dispatcher's threads are included.
 */
@Timeout(60)
class AllocationTests {

	private static final int WARM_UP = 500_000;

	private static final int MEASURED = 2_000_000;

	private static final long ENVELOPE_BYTES = 24;

	private final ActorSystem system = ActorSystem.create();

	@AfterEach
	void shutdown() {
		this.system.close();
	}

	@Test
	void oneWaySendAndDispatchAllocateOnlyTheEnvelope() throws InterruptedException {
		Counter counter = new Counter();
		ActorRef actor = this.system.spawn("counter", counter);
		Tick tick = new Tick();
		sendAndAwait(actor, counter, tick, WARM_UP);
		long before = allocatedBytes();
		sendAndAwait(actor, counter, tick, MEASURED);
		long perMessage = (allocatedBytes() - before) / MEASURED;
		assertThat(perMessage).as("bytes allocated per send + dispatch").isLessThan(ENVELOPE_BYTES + 8);
	}

	@Test
	void requestAndReplyAllocateOnlyTheirEnvelopes() throws InterruptedException {
		pingPong("warm-up", WARM_UP);
		long perExchange = pingPong("measured", MEASURED) / MEASURED;
		assertThat(perExchange).as("bytes allocated per request + reply").isLessThan(2 * ENVELOPE_BYTES + 8);
	}

	private void sendAndAwait(ActorRef actor, Counter counter, Tick tick, int count) throws InterruptedException {
		long target = counter.count + count;
		for (int i = 0; i < count; i++) {
			actor.send(tick);
		}
		while (this.system.actor("counter").orElseThrow().processed() < target) {
			Thread.sleep(1);
		}
	}

	/**
	 * Runs a ping-pong of the given number of exchanges, and returns the bytes it
	 * allocated.
	 */
	private long pingPong(String name, int exchanges) throws InterruptedException {
		CountDownLatch done = new CountDownLatch(1);
		ActorRef ponger = this.system.spawn("ponger-" + name, new Ponger());
		ActorRef pinger = this.system.spawn("pinger-" + name, new Pinger(exchanges, done));
		long before = allocatedBytes();
		ponger.send(new Tick(), pinger);
		assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
		long allocated = allocatedBytes() - before;
		this.system.bridge().stop(List.of(pinger, ponger), Duration.ofSeconds(5));
		return allocated;
	}

	/**
	 * The bytes the live threads have allocated (getTotalThreadAllocatedBytes is not in
	 * Java 17's API as javac's --release 17 knows it).
	 */
	private static long allocatedBytes() {
		ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
		long total = 0;
		for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
			total += Math.max(0, bytes);
		}
		return total;
	}

	record Tick() {
	}

	static final class Counter {

		long count;

		@Handles
		void onTick(Tick tick) {
			this.count++;
		}

	}

	static final class Ponger {

		@Handles
		Tick onTick(Tick tick) {
			return tick;
		}

	}

	static final class Pinger {

		private final int exchanges;

		private final CountDownLatch done;

		private int received;

		Pinger(int exchanges, CountDownLatch done) {
			this.exchanges = exchanges;
			this.done = done;
		}

		@Handles
		void onTick(Tick tick, ActorRef sender, ActorContext context) {
			if (++this.received < this.exchanges) {
				sender.send(tick, context.self());
			}
			else {
				this.done.countDown();
			}
		}

	}

}
