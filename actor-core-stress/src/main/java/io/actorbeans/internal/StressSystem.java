package io.actorbeans.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.ActorSystemSettings;
import io.actorbeans.DeadLetter;
import org.jspecify.annotations.Nullable;

/**
 * The one actor system of a test VM, shared by the states of all the tests (a system per
 * state would cost far more than the race it tests), and what the tests use around it.
 * Its shared pool has a single thread, so that the actors' turns take as little as they
 * can from the two test threads.
 */
final class StressSystem {

	static final DefaultActorSystem SYSTEM = start();

	/** The actor a reply slot is for; it is never sent anything. */
	static final ActorRef TARGET = new Target();

	/**
	 * How long an arbiter waits for what the runtime does asynchronously (a turn, a
	 * timer, a termination). Far longer than any of it takes, even on a loaded machine; a
	 * lost wake-up waits it out and is then reported.
	 */
	private static final long WAIT_NANOS = 5_000_000_000L;

	private static final AtomicLong names = new AtomicLong();

	private StressSystem() {
	}

	/** A name no other actor of the system has had, for the actors of one state. */
	static String uniqueName(String prefix) {
		return prefix + "-" + names.incrementAndGet();
	}

	/**
	 * Wait until a condition holds, spinning first, then yielding, then parking briefly.
	 * @return whether it held within the wait
	 */
	static boolean await(BooleanSupplier condition) {
		long deadline = System.nanoTime() + WAIT_NANOS;
		for (int round = 0; !condition.getAsBoolean(); round++) {
			if (System.nanoTime() - deadline >= 0) {
				return false;
			}
			if (round < 100) {
				Thread.onSpinWait();
			}
			else if (round < 200) {
				Thread.yield();
			}
			else {
				LockSupport.parkNanos(50_000);
			}
		}
		return true;
	}

	/**
	 * Busy-wait about the given nanoseconds, to vary where a test thread meets another.
	 */
	static void delay(long nanos) {
		long start = System.nanoTime();
		while (System.nanoTime() - start < nanos) {
			Thread.onSpinWait();
		}
	}

	private static DefaultActorSystem start() {
		ActorSystemSettings settings = ActorSystemSettings.defaults().withName("stress").withSharedPoolSize(1);
		DefaultActorSystem system = (DefaultActorSystem) ActorSystem.create(settings);
		system.addDeadLetterListener((deadLetter) -> {
			if (deadLetter.reason() == DeadLetter.Reason.LATE_REPLY && deadLetter.message() instanceof Reply reply) {
				reply.late = true;
			}
		});
		return system;
	}

	/**
	 * A reply that records whether it became a late reply: the system's dead-letter
	 * listener marks it on the thread that sent it, before that send returns.
	 */
	static final class Reply {

		volatile boolean late;

	}

	private static final class Target implements ActorRef {

		@Override
		public String name() {
			return "target";
		}

		@Override
		public void send(Object message, @Nullable ActorRef sender) {
			throw new UnsupportedOperationException("The target of the stress tests' reply slots takes no message");
		}

	}

}
