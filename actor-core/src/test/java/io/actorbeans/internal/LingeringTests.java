package io.actorbeans.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.ActorSystemSettings;
import io.actorbeans.Handles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared-pool workers that linger after a turn (see {@link Mailbox}) run the mailboxes
 * submitted from outside the pool meanwhile: nothing is lost, run twice or run
 * concurrently, whether the submissions come in bursts, with pauses that let the workers
 * go idle, or one at a time. Bounded in time; no speed figures.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LingeringTests {

	private final ActorSystem system = ActorSystem
		.create(ActorSystemSettings.defaults().withName("lingering-tests").withShutdownTimeout(Duration.ofSeconds(5)));

	@AfterEach
	void close() {
		this.system.close();
	}

	@Test
	void messagesSentFromPlainThreadsInBurstsAndPausesAreEachHandledOnceOneAtATime() throws Exception {
		int actors = 16;
		int senders = 4;
		int bursts = 200;
		int perBurst = 50;
		int total = senders * bursts * perBurst;
		CountDownLatch done = new CountDownLatch(total);
		List<Counter> counters = new ArrayList<>();
		ActorRef[] refs = new ActorRef[actors];
		for (int i = 0; i < actors; i++) {
			Counter counter = new Counter(done);
			counters.add(counter);
			refs[i] = this.system.spawn("counter-" + i, counter);
		}
		List<Thread> threads = new ArrayList<>();
		for (int s = 0; s < senders; s++) {
			int sender = s;
			threads.add(new Thread(() -> {
				for (int burst = 0; burst < bursts; burst++) {
					for (int i = 0; i < perBurst; i++) {
						refs[(sender + burst + i) % actors].send(new Tick());
					}
					if (burst % 10 == 0) {
						// long enough for the workers to stop lingering and park
						sleep(2);
					}
				}
			}, "sender-" + s));
		}
		threads.forEach(Thread::start);
		assertThat(done.await(30, TimeUnit.SECONDS)).as("all messages handled").isTrue();
		for (Thread thread : threads) {
			thread.join(TimeUnit.SECONDS.toMillis(5));
		}
		long handled = counters.stream().mapToLong((counter) -> counter.handled.sum()).sum();
		assertThat(handled).isEqualTo(total);
		assertThat(counters).allSatisfy((counter) -> assertThat(counter.overlaps.get()).isZero());
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	record Tick() {
	}

	/** Counts its messages, and the times two of its turns overlapped. */
	static final class Counter {

		final LongAdder handled = new LongAdder();

		final AtomicInteger overlaps = new AtomicInteger();

		private final AtomicInteger running = new AtomicInteger();

		private final CountDownLatch done;

		Counter(CountDownLatch done) {
			this.done = done;
		}

		@Handles
		void onTick(Tick tick) {
			if (this.running.incrementAndGet() != 1) {
				this.overlaps.incrementAndGet();
			}
			this.handled.increment();
			this.running.decrementAndGet();
			this.done.countDown();
		}

	}

}
