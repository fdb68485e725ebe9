package io.actorbeans.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.actorbeans.ActorException;
import io.actorbeans.ActorRef;
import io.actorbeans.ActorStoppedException;
import io.actorbeans.ActorSystemShutdownException;
import io.actorbeans.Bridge;
import io.actorbeans.CallTimeoutException;
import io.actorbeans.DeadLetter;
import io.actorbeans.MailboxFullException;
import io.actorbeans.StashOverflowException;
import io.actorbeans.Stop;
import io.actorbeans.Stopped;
import io.actorbeans.UnhandledMessageException;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Bridge} of a {@link DefaultActorSystem}.
 */
final class DefaultBridge implements Bridge {

	/*-
	 * A call enqueues its request with a fresh ReplySlot as the sender, then waits on the slot (a
	 * short spin, then a park; see ReplySlot). The request is offered to the actor directly, so a
	 * stopped actor or a full mailbox fails the call before it waits; a failure found later (the
	 * handler threw, the actor stopped first, no handler took it) fails the slot through the
	 * dead-letter channel. A caller that gives up sets the slot's outcome to its timeout, which turns
	 * any later reply into a dead letter. An ask's slot completes a CompletableFuture instead, and a
	 * timer on the system's ActorScheduler fails it when its time is up.
	 */

	private final DefaultActorSystem system;

	DefaultBridge(DefaultActorSystem system) {
		this.system = system;
	}

	@Override
	public <T> T call(ActorRef target, Object request) {
		return call(target, request, this.system.settings().bridgeTimeout());
	}

	@Override
	public <T> T call(ActorRef target, Object request, Duration timeout) {
		ReplySlot slot = startCall(target, request);
		try {
			return await(slot, timeout.toNanos());
		}
		catch (TimeoutException ex) {
			throw expire(slot, request, timeout);
		}
	}

	@Override
	public <T> @Nullable T call(ActorRef target, Object request, Duration timeout, @Nullable T defaultValue) {
		ReplySlot slot = startCall(target, request);
		try {
			return await(slot, timeout.toNanos());
		}
		catch (TimeoutException ex) {
			expire(slot, request, timeout);
			return defaultValue;
		}
	}

	@Override
	public <T> CompletableFuture<T> ask(ActorRef target, Object request) {
		return ask(target, request, this.system.settings().bridgeTimeout());
	}

	@Override
	public <T> CompletableFuture<T> ask(ActorRef target, Object request, Duration timeout) {
		return ask(target, request, timeout, false);
	}

	/**
	 * An ask from an actor's context: unlike outside work, it is accepted while a
	 * shutdown drains. From a handler.
	 */
	<T> CompletableFuture<T> askFromActor(ActorRef target, Object request, Duration timeout) {
		return ask(target, request, timeout, true);
	}

	@SuppressWarnings("unchecked")
	private <T> CompletableFuture<T> ask(ActorRef target, Object request, Duration timeout, boolean fromActor) {
		ReplySlot slot = ReplySlot.forAsk(this.system, target);
		CompletableFuture<Object> future = slot.future();
		// the timeout is scheduled before the request is sent: once the target has the
		// request, its timeout runs (a test's virtual time can rely on it)
		try {
			ScheduledFuture<?> timer = this.system.scheduler()
				.schedule(() -> expire(slot, request, timeout), timeout.toNanos(), TimeUnit.NANOSECONDS);
			future.whenComplete((reply, failure) -> timer.cancel(false));
		}
		catch (RejectedExecutionException ex) {
			ActorSystemShutdownException shutDown = new ActorSystemShutdownException("Cannot wait for actor '"
					+ target.name() + "': actor system '" + this.system.name() + "' has shut down");
			slot.fail(shutDown);
			return CompletableFuture.failedFuture(shutDown);
		}
		try {
			start(target, request, slot, fromActor);
		}
		catch (ActorException ex) {
			slot.fail(ex);
			return CompletableFuture.failedFuture(ex);
		}
		return (CompletableFuture<T>) future;
	}

	@Override
	public List<@Nullable Object> multiCall(List<Request> requests, Duration timeout, @Nullable Object defaultValue) {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<@Nullable ReplySlot> slots = new ArrayList<>(requests.size());
		for (Request request : requests) {
			slots.add(tryStart(request.target(), request.message()));
		}
		List<@Nullable Object> replies = new ArrayList<>(slots.size());
		for (int i = 0; i < slots.size(); i++) {
			ReplySlot slot = slots.get(i);
			Object reply = defaultValue;
			if (slot != null) {
				try {
					reply = await(slot, Math.max(0, deadline - System.nanoTime()));
				}
				catch (TimeoutException ex) {
					expire(slot, requests.get(i).message(), timeout);
				}
				catch (ActorException ex) {
					// the call failed: its place gets the default
				}
			}
			replies.add(reply);
		}
		return replies;
	}

	@Override
	public List<@Nullable Stopped> stop(List<ActorRef> actors, Duration timeout) {
		List<Request> requests = new ArrayList<>(actors.size());
		for (ActorRef actor : actors) {
			requests.add(new Request(actor, new Stop()));
		}
		List<@Nullable Stopped> confirmations = new ArrayList<>(actors.size());
		for (Object reply : multiCall(requests, timeout, null)) {
			confirmations.add((reply instanceof Stopped stopped) ? stopped : null);
		}
		return confirmations;
	}

	@Override
	public void send(ActorRef target, Object message) {
		if (this.system.isShutdown()) {
			throw this.system.shuttingDown("send to actor '" + target.name() + "' through the Bridge");
		}
		offer(target, message, null);
	}

	/** The failure of a call whose request became a dead letter. Thread-safe. */
	ActorException failureFor(DeadLetter.Reason reason, ActorRef recipient, Object message) {
		String messageClass = message.getClass().getName();
		return switch (reason) {
			case MAILBOX_FULL -> mailboxFull(recipient, messageClass);
			case UNHANDLED -> new UnhandledMessageException(recipient.name(),
					"Actor '" + recipient.name() + "' has no handler for " + messageClass);
			case STASH_FULL -> new StashOverflowException(recipient.name(),
					"Actor '" + recipient.name() + "' could not stash " + messageClass + ": its stash is full");
			default -> new ActorStoppedException(recipient.name(),
					"Actor '" + recipient.name() + "' stopped before handling " + messageClass);
		};
	}

	private @Nullable ReplySlot tryStart(ActorRef target, Object request) {
		try {
			return startCall(target, request);
		}
		catch (ActorException ex) {
			return null;
		}
	}

	private ReplySlot startCall(ActorRef target, Object request) {
		return start(target, request, ReplySlot.forCall(this.system, target), false);
	}

	private ReplySlot start(ActorRef target, Object request, ReplySlot slot, boolean fromActor) {
		Objects.requireNonNull(target, "'target' must not be null");
		Objects.requireNonNull(request, "'request' must not be null");
		if (fromActor ? this.system.isTerminated() : this.system.isShutdown()) {
			throw this.system.shuttingDown("call actor '" + target.name() + "' through the Bridge");
		}
		offer(target, request, slot);
		return slot;
	}

	private void offer(ActorRef target, Object message, @Nullable ActorRef sender) {
		if (!(target instanceof ActorCell cell)) {
			target.send(message, sender);
			return;
		}
		int outcome = cell.offer(message, sender);
		if (outcome == ActorCell.REJECTED_STOPPED) {
			throw new ActorStoppedException(cell.name(),
					"Actor '" + cell.name() + "' has stopped; cannot send it " + message.getClass().getName());
		}
		if (outcome == ActorCell.REJECTED_FULL) {
			throw mailboxFull(cell, message.getClass().getName());
		}
	}

	private static MailboxFullException mailboxFull(ActorRef actor, String messageClass) {
		return new MailboxFullException(actor.name(),
				"Actor '" + actor.name() + "' has a full mailbox; cannot accept " + messageClass);
	}

	@SuppressWarnings("unchecked")
	private static <T> T await(ReplySlot slot, long nanos) throws TimeoutException {
		return (T) slot.await(nanos);
	}

	private static CallTimeoutException expire(ReplySlot slot, Object request, Duration timeout) {
		String actor = slot.target().name();
		CallTimeoutException timedOut = new CallTimeoutException(actor, "Actor '" + actor + "' did not reply to "
				+ request.getClass().getName() + " within " + timeout.toMillis() + " ms");
		slot.fail(timedOut);
		return timedOut;
	}

}
