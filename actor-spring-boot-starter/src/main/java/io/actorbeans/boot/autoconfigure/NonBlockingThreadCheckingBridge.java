package io.actorbeans.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.actorbeans.ActorRef;
import io.actorbeans.Bridge;
import io.actorbeans.Stopped;
import io.actorbeans.boot.BlockingCallException;
import io.actorbeans.boot.ReactiveBridge;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Schedulers;

/**
 * A {@link Bridge} whose waiting verbs fail fast with a {@link BlockingCallException} on
 * a thread that Reactor marks as non-blocking (Netty's event loops under Reactor Netty,
 * the parallel scheduler), where a wait would stall every request that thread serves. The
 * verbs that do not wait pass through. Thread-safe, as the bridge it decorates.
 */
final class NonBlockingThreadCheckingBridge implements Bridge {

	private final Bridge bridge;

	NonBlockingThreadCheckingBridge(Bridge bridge) {
		this.bridge = bridge;
	}

	/** The bridge it decorates. */
	Bridge bridge() {
		return this.bridge;
	}

	@Override
	public <T> T call(ActorRef target, Object request) {
		checkMayWait("call", target);
		return this.bridge.call(target, request);
	}

	@Override
	public <T> T call(ActorRef target, Object request, Duration timeout) {
		checkMayWait("call", target);
		return this.bridge.call(target, request, timeout);
	}

	@Override
	public <T> @Nullable T call(ActorRef target, Object request, Duration timeout, @Nullable T defaultValue) {
		checkMayWait("call", target);
		return this.bridge.call(target, request, timeout, defaultValue);
	}

	@Override
	public <T> CompletableFuture<T> ask(ActorRef target, Object request) {
		return this.bridge.ask(target, request);
	}

	@Override
	public <T> CompletableFuture<T> ask(ActorRef target, Object request, Duration timeout) {
		return this.bridge.ask(target, request, timeout);
	}

	@Override
	public List<@Nullable Object> multiCall(List<Request> requests, Duration timeout, @Nullable Object defaultValue) {
		if (!requests.isEmpty()) {
			checkMayWait("multiCall", requests.get(0).target());
		}
		return this.bridge.multiCall(requests, timeout, defaultValue);
	}

	@Override
	public List<@Nullable Stopped> stop(List<ActorRef> actors, Duration timeout) {
		if (!actors.isEmpty()) {
			checkMayWait("stop", actors.get(0));
		}
		return this.bridge.stop(actors, timeout);
	}

	@Override
	public void send(ActorRef target, Object message) {
		this.bridge.send(target, message);
	}

	private static void checkMayWait(String verb, ActorRef target) {
		if (Schedulers.isInNonBlockingThread()) {
			throw new BlockingCallException("Bridge." + verb + " to actor '" + target.name() + "' would block thread '"
					+ Thread.currentThread().getName() + "', a non-blocking thread (an event loop, or Reactor's "
					+ "parallel scheduler) that must never wait; use " + ReactiveBridge.class.getSimpleName()
					+ ", whose Mono waits for the reply without blocking");
		}
	}

	@Override
	public String toString() {
		return "NonBlockingThreadCheckingBridge[" + this.bridge + "]";
	}

}
