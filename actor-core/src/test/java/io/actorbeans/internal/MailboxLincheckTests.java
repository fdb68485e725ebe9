package io.actorbeans.internal;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.TimeUnit;

import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.jetbrains.kotlinx.lincheck.strategy.managed.modelchecking.ModelCheckingOptions;
import org.jetbrains.kotlinx.lincheck.strategy.stress.StressOptions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Lincheck tests for {@link Mailbox}: {@code enqueue} from several producers, with
 * {@code poll} and {@code hasMessages} from one consumer, are linearizable with respect
 * to a sequential FIFO queue.
 * <p>
 * The consumer's operations are in one non-parallel group, so that Lincheck never runs
 * two of them at once, as the runtime never does. {@code poll} returns {@code null} only
 * for an empty queue: while a producer has swapped the tail but not linked it yet, it
 * waits for the link, so an enqueue that completed is never missed, even behind one that
 * has not.
 */
@Tag("lincheck")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MailboxLincheckTests {

	@Test
	void modelChecking() {
		ModelCheckingOptions options = new ModelCheckingOptions().iterations(8)
			.invocationsPerIteration(250)
			.threads(3)
			.actorsPerThread(3)
			.actorsBefore(2)
			.actorsAfter(2)
			.sequentialSpecification(Spec.class);
		LinChecker.check(Operations.class, options);
	}

	@Test
	void stress() {
		StressOptions options = new StressOptions().iterations(10)
			.invocationsPerIteration(1_000)
			.threads(3)
			.actorsPerThread(3)
			.actorsBefore(2)
			.actorsAfter(2)
			.sequentialSpecification(Spec.class);
		LinChecker.check(Operations.class, options);
	}

	/** A mailbox under test, and the operations Lincheck runs. */
	@Param(name = "value", gen = IntGen.class, conf = "1:9")
	public static class Operations {

		private final TestMailbox mailbox = new TestMailbox();

		@Operation
		public void enqueue(@Param(name = "value") int value) {
			this.mailbox.enqueue(new Envelope(value, null));
		}

		/**
		 * Take the head's message, and clear the envelope as the actor does once it read
		 * it: the envelope stays in the queue as its stub. poll() may answer null while a
		 * producer that has swapped the tail has not linked its envelope yet; the actor
		 * then tries again (its cell reschedules itself while hasMessages() holds), and
		 * so does this operation.
		 */
		@Operation(nonParallelGroup = "consumer")
		public @Nullable Integer poll() {
			Envelope envelope = this.mailbox.poll();
			while (envelope == null && this.mailbox.hasMessages()) {
				Thread.onSpinWait();
				envelope = this.mailbox.poll();
			}
			if (envelope == null) {
				return null;
			}
			Integer message = (Integer) envelope.message;
			envelope.message = null;
			envelope.sender = null;
			return message;
		}

		@Operation(nonParallelGroup = "consumer")
		public boolean hasMessages() {
			return this.mailbox.hasMessages();
		}

	}

	/** The sequential specification: a FIFO queue. */
	public static class Spec {

		private final Queue<Integer> queue = new ArrayDeque<>();

		public void enqueue(int value) {
			this.queue.add(value);
		}

		public @Nullable Integer poll() {
			return this.queue.poll();
		}

		public boolean hasMessages() {
			return !this.queue.isEmpty();
		}

	}

	/** A mailbox without an actor: its turns do nothing. */
	static final class TestMailbox extends Mailbox {

		private static final long serialVersionUID = 1L;

		@Override
		void run() {
		}

	}

}
