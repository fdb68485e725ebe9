package io.actorbeans.test;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.actorbeans.ActorContext;
import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.Handles;
import io.actorbeans.Stop;
import io.actorbeans.Terminated;
import org.jspecify.annotations.Nullable;

/**
 * An actor that a test drives: it records every message it is sent, with its sender, and
 * the test thread expects them one by one, in the order they arrived, and replies to
 * them. A probe is an {@link ActorRef}: give it to the actor under test as a sender or as
 * a collaborator.
 *
 * <pre class="code">
 * TestProbe probe = TestProbe.create(system);
 * warehouse.send(new GetInventory(), probe);
 * List&lt;?&gt; inventory = probe.expectMessage(List.class, Duration.ofSeconds(1));
 * </pre>
 *
 * Behind the probe is a real actor of the system, named {@code test-probe-<n>} unless
 * given a name, so the actors under test see an ordinary sender; stop it with
 * {@link #close()}. A probe made with {@link #createOnFirstUse} spawns its actor when it
 * is first used.
 * <p>
 * {@link #send}, {@link #name()} are thread-safe; the {@code expect}, {@code receive} and
 * {@code reply} methods are meant for one test thread.
 *
 * @since 0.1.0
 */
public final class TestProbe implements ActorRef, AutoCloseable {

	private static final AtomicInteger probes = new AtomicInteger();

	private final String name;

	/** Gives the system to spawn in: at once, or on first use. */
	private final Supplier<? extends ActorSystem> systems;

	/** Whether the probe spawns a fresh actor when used after {@link #close()}. */
	private final boolean onFirstUse;

	private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

	/** The actor and its system, once spawned; writes guarded by {@code this}. */
	private volatile @Nullable Spawned spawned;

	private volatile @Nullable ActorRef lastSender;

	private TestProbe(Supplier<? extends ActorSystem> systems, String name, boolean onFirstUse) {
		this.name = name;
		this.systems = systems;
		this.onFirstUse = onFirstUse;
		if (!onFirstUse) {
			spawned();
		}
	}

	/**
	 * Spawn a probe named {@code test-probe-<n>}.
	 * @param system the system the actors under test run in
	 * @return the probe
	 */
	public static TestProbe create(ActorSystem system) {
		return create(system, "test-probe-" + probes.incrementAndGet());
	}

	/**
	 * Spawn a probe with a name of its own.
	 * @param system the system the actors under test run in
	 * @param name a name no live actor of the system has
	 * @return the probe
	 */
	public static TestProbe create(ActorSystem system, String name) {
		Objects.requireNonNull(system, "'system' must not be null");
		return new TestProbe(() -> system, name, false);
	}

	/**
	 * Make a probe whose actor is spawned on first use (a send to it, {@link #ref()},
	 * {@link #watch}, {@link #reply}), in the system the supplier gives then: for a probe
	 * that must exist before its system does, as a Spring test's {@code @TestProbeBean}
	 * does. After {@link #close()}, the next use spawns a fresh actor under the same
	 * name, which has received nothing. Thread-safe: one actor is spawned however many
	 * threads use the probe first.
	 * @param system gives the system, called on first use
	 * @param name a name no live actor of the system has then
	 * @return the probe
	 */
	public static TestProbe createOnFirstUse(Supplier<? extends ActorSystem> system, String name) {
		Objects.requireNonNull(system, "'system' must not be null");
		Objects.requireNonNull(name, "'name' must not be null");
		return new TestProbe(system, name, true);
	}

	@Override
	public String name() {
		return this.name;
	}

	/**
	 * Send the probe a message, as the actors under test do. Thread-safe.
	 */
	@Override
	public void send(Object message, @Nullable ActorRef sender) {
		spawned().actor().send(message, sender);
	}

	/**
	 * The ref of the probe's actor itself, for what needs an actor of the system rather
	 * than any ref: to be watched by the actor under test, say.
	 * @return the ref
	 */
	public ActorRef ref() {
		return spawned().actor();
	}

	private Spawned spawned() {
		Spawned current = this.spawned;
		if (current == null) {
			synchronized (this) {
				current = this.spawned;
				if (current == null) {
					ActorSystem system = this.systems.get();
					if (system == null) {
						throw new IllegalStateException(
								"TestProbe '" + this.name + "' cannot spawn its actor: its system supplier gave null");
					}
					current = new Spawned(system, system.spawn(this.name, new Recorder(this.received)));
					this.spawned = current;
				}
			}
		}
		return current;
	}

	/**
	 * Take the next message, whatever its type.
	 * @param timeout how long to wait for it
	 * @return the message
	 * @throws AssertionError if none comes in time
	 */
	public Object receiveMessage(Duration timeout) {
		Received next = poll(timeout);
		if (next == null) {
			throw new AssertionError("TestProbe '" + name() + "' received no message within " + describe(timeout));
		}
		this.lastSender = next.sender();
		return next.message();
	}

	/**
	 * Take the next message and check its type.
	 * @param <T> the expected type
	 * @param type the expected type
	 * @param timeout how long to wait for it
	 * @return the message
	 * @throws AssertionError if none comes in time, or the next one is of another type
	 */
	public <T> T expectMessage(Class<T> type, Duration timeout) {
		Objects.requireNonNull(type, "'type' must not be null");
		Received next = poll(timeout);
		if (next == null) {
			throw new AssertionError("TestProbe '" + name() + "' expected a " + type.getName() + " within "
					+ describe(timeout) + " but received nothing");
		}
		this.lastSender = next.sender();
		if (!type.isInstance(next.message())) {
			throw new AssertionError("TestProbe '" + name() + "' expected a " + type.getName() + " but received "
					+ next.message().getClass().getName() + ": " + next.message());
		}
		return type.cast(next.message());
	}

	/**
	 * Take the next message and check that it equals the expected one.
	 * @param <T> the type of the message
	 * @param expected the expected message
	 * @param timeout how long to wait for it
	 * @return the message
	 * @throws AssertionError if none comes in time, or the next one is another
	 */
	public <T> T expectMessage(T expected, Duration timeout) {
		Objects.requireNonNull(expected, "'expected' must not be null");
		Object message = receiveMessage(timeout);
		if (!expected.equals(message)) {
			throw new AssertionError("TestProbe '" + name() + "' expected " + expected + " but received " + message);
		}
		return expected;
	}

	/**
	 * Check that no message comes for a while.
	 * @param duration how long to wait
	 * @throws AssertionError if a message comes meanwhile
	 */
	public void expectNoMessage(Duration duration) {
		Received next = poll(duration);
		if (next != null) {
			this.lastSender = next.sender();
			throw new AssertionError("TestProbe '" + name() + "' expected no message for " + describe(duration)
					+ " but received " + next.message().getClass().getName() + ": " + next.message());
		}
	}

	/**
	 * The sender of the last message taken.
	 * @return the sender, or {@code null} if it had none or no message was taken yet
	 */
	public @Nullable ActorRef lastSender() {
		return this.lastSender;
	}

	/**
	 * Reply to the sender of the last message taken, with the probe as the sender.
	 * @param message the reply
	 * @throws IllegalStateException if the last message had no sender
	 */
	public void reply(Object message) {
		ActorRef sender = this.lastSender;
		if (sender == null) {
			throw new IllegalStateException("TestProbe '" + name() + "' cannot reply: the last message it took "
					+ "had no sender, or it took none yet");
		}
		sender.send(message, ref());
	}

	/**
	 * Watch an actor: once it ends, the probe receives its {@link Terminated}.
	 * @param actor an actor of the probe's system
	 */
	public void watch(ActorRef actor) {
		ref().send(new Watch(Objects.requireNonNull(actor, "'actor' must not be null")));
	}

	/**
	 * Take the next message and check that it is the {@link Terminated} of an actor the
	 * probe {@link #watch watches}.
	 * @param actor the actor expected to end
	 * @param timeout how long to wait
	 * @return the Terminated message
	 * @throws AssertionError if none comes in time, or the next message is another
	 */
	public Terminated expectTerminated(ActorRef actor, Duration timeout) {
		Terminated terminated = expectMessage(Terminated.class, timeout);
		if (!terminated.actor().equals(actor)) {
			throw new AssertionError("TestProbe '" + name() + "' expected the end of actor '" + actor.name()
					+ "' but received the end of '" + terminated.actor().name() + "'");
		}
		return terminated;
	}

	/**
	 * Stop the probe's actor. Messages sent to it afterwards become dead letters; a probe
	 * {@link #createOnFirstUse made to spawn on first use} instead waits until its actor
	 * has ended (at most the Bridge timeout), forgets what it received, and spawns a
	 * fresh actor when used again.
	 */
	@Override
	public void close() {
		Spawned current = this.spawned;
		if (current == null || current.system().isShutdown()) {
			return;
		}
		if (!this.onFirstUse) {
			current.actor().send(new Stop());
			return;
		}
		synchronized (this) {
			current.system().bridge().stop(List.of(current.actor()), current.system().settings().bridgeTimeout());
			this.spawned = null;
			this.received.clear();
			this.lastSender = null;
		}
	}

	private @Nullable Received poll(Duration timeout) {
		try {
			return this.received.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("TestProbe '" + name() + "' was interrupted while waiting", ex);
		}
	}

	private static String describe(Duration duration) {
		return duration.toMillis() + " ms";
	}

	@Override
	public String toString() {
		return "TestProbe[" + name() + "]";
	}

	/** The probe's actor and the system it runs in. */
	private record Spawned(ActorSystem system, ActorRef actor) {
	}

	/** A message and its sender, as the probe's actor received them. */
	private record Received(Object message, @Nullable ActorRef sender) {
	}

	/** Asks the probe's actor to watch another. */
	private record Watch(ActorRef actor) {
	}

	/** The probe's actor: records every message but its own commands. */
	private static final class Recorder {

		private final BlockingQueue<Received> received;

		Recorder(BlockingQueue<Received> received) {
			this.received = received;
		}

		@Handles
		void onWatch(Watch watch, ActorContext context) {
			context.watch(watch.actor());
		}

		@Handles
		void onMessage(Object message, @Nullable ActorRef sender) {
			this.received.add(new Received(message, sender));
		}

	}

}
