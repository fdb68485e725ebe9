package io.actorbeans;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a thread did before {@code send} happens-before the handler of that message,
 * and what one handler wrote the next one sees, whichever thread runs it.
 */
@Timeout(60)
class HappensBeforeTests {

	private static final int SENDERS = 4;

	private static final int MESSAGES = 200_000;

	@Test
	void plainWritesBeforeSendAreSeenByTheHandler() throws InterruptedException {
		try (ActorSystem system = ActorSystem.create()) {
			Checker checker = new Checker();
			ActorRef actor = system.spawn("checker", checker);
			Thread[] senders = new Thread[SENDERS];
			for (int t = 0; t < SENDERS; t++) {
				senders[t] = new Thread(() -> {
					for (int i = 1; i <= MESSAGES; i++) {
						// plain, unsynchronized writes: only send can publish them
						Box box = new Box();
						box.value = i;
						box.twice = 2L * i;
						box.values = new long[] { i, i + 1 };
						actor.send(box);
					}
				});
				senders[t].start();
			}
			for (Thread sender : senders) {
				sender.join();
			}
			long seen = system.bridge().call(actor, "count", Duration.ofSeconds(30));
			assertThat(seen).isEqualTo((long) SENDERS * MESSAGES);
			assertThat(checker.torn).hasValue(0);
		}
	}

	static final class Box {

		long value;

		long twice;

		long[] values;

	}

	/**
	 * Checks each box; keeps its count in a plain field that turns on several threads
	 * write in turn.
	 */
	static final class Checker {

		final AtomicLong torn = new AtomicLong();

		private long seen;

		@Handles
		void check(Box box) {
			long[] values = box.values;
			if (box.value == 0 || box.twice != 2 * box.value || values == null || values[0] != box.value
					|| values[1] != box.value + 1) {
				this.torn.incrementAndGet();
			}
			this.seen++;
		}

		@Handles
		long count(String request) {
			return this.seen;
		}

	}

}
