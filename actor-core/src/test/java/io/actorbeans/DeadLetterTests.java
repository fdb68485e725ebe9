package io.actorbeans;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Dead letters: every reason, their count, and their listeners.
 */
@Timeout(10)
class DeadLetterTests {

	private static final Duration ONE_SECOND = Duration.ofSeconds(1);

	private final ActorSystem system = ActorSystem.create();

	private final BlockingQueue<DeadLetter> deadLetters = new LinkedBlockingQueue<>();

	private final DeadLetterListener listener = this.deadLetters::add;

	DeadLetterTests() {
		this.system.addDeadLetterListener(this.listener);
	}

	@AfterEach
	void shutdown() {
		this.system.close();
	}

	// STOPPED

	@Test
	void sendToStoppedActorIsDeadLetterStopped() throws InterruptedException {
		ActorRef ref = this.system.spawn("echo", new Echo());
		ActorRef sender = this.system.spawn("sender", new Echo());
		assertThat(this.system.bridge().stop(List.of(ref), ONE_SECOND)).containsExactly(new Stopped("echo"));
		long before = this.system.deadLetterCount();
		ref.send("late", sender);
		ref.send("later");
		List<DeadLetter> letters = DispatchTests.poll(this.deadLetters, 2);
		assertThat(letters).containsExactly(new DeadLetter("late", sender, ref, DeadLetter.Reason.STOPPED),
				new DeadLetter("later", null, ref, DeadLetter.Reason.STOPPED));
		assertThat(this.system.deadLetterCount()).isEqualTo(before + 2);
	}

	@Test
	void messagesLeftBehindStopAreDeadLettersStopped() throws InterruptedException {
		Blocker blocker = new Blocker();
		ActorRef ref = this.system.spawn("blocked", blocker);
		ActorRef sender = this.system.spawn("sender", new Echo());
		ref.send("first");
		ActorSystemTests.awaitLatch(blocker.entered);
		ref.send(new Stop());
		ref.send("behind-1", sender);
		ref.send("behind-2");
		blocker.release.countDown();
		List<DeadLetter> letters = DispatchTests.poll(this.deadLetters, 2);
		assertThat(letters).containsExactly(new DeadLetter("behind-1", sender, ref, DeadLetter.Reason.STOPPED),
				new DeadLetter("behind-2", null, ref, DeadLetter.Reason.STOPPED));
		assertThat(this.system.deadLetterCount()).isEqualTo(2);
		assertThat(blocker.handled).containsExactly("first");
	}

	@Test
	void stopToStoppedActorIsDeadLetterAndGetsNoStopped() throws InterruptedException {
		ActorRef ref = this.system.spawn("echo", new Echo());
		ActorRef sender = this.system.spawn("sender", new Echo());
		assertThat(this.system.bridge().stop(List.of(ref), ONE_SECOND)).containsExactly(new Stopped("echo"));
		ref.send(new Stop(), sender);
		DeadLetter letter = DispatchTests.poll(this.deadLetters, 1).get(0);
		assertThat(letter).isEqualTo(new DeadLetter(new Stop(), sender, ref, DeadLetter.Reason.STOPPED));
		// through the Bridge the caller is told at once instead
		assertThat(this.system.bridge().stop(List.of(ref), ONE_SECOND)).containsExactly((Stopped) null);
	}

	// MAILBOX_FULL

	@Test
	void sendToFullBoundedMailboxIsDeadLetterMailboxFull() throws InterruptedException {
		Blocker blocker = new Blocker();
		ActorRef ref = this.system.spawn("bounded", blocker, SpawnOptions.defaults().withMailboxCapacity(2));
		ActorRef sender = this.system.spawn("sender", new Echo());
		try {
			ref.send("first");
			ActorSystemTests.awaitLatch(blocker.entered);
			ref.send("queued-1");
			ref.send("queued-2");
			ref.send("overflow-1", sender);
			ref.send("overflow-2");
			List<DeadLetter> letters = DispatchTests.poll(this.deadLetters, 2);
			assertThat(letters).containsExactly(
					new DeadLetter("overflow-1", sender, ref, DeadLetter.Reason.MAILBOX_FULL),
					new DeadLetter("overflow-2", null, ref, DeadLetter.Reason.MAILBOX_FULL));
			assertThat(this.system.deadLetterCount()).isEqualTo(2);
			assertThat(this.system.actor("bounded").get().mailboxSize()).isEqualTo(2);
			assertThatExceptionOfType(MailboxFullException.class)
				.isThrownBy(() -> this.system.bridge().send(ref, "overflow-3"))
				.withMessageContaining("'bounded'");
		}
		finally {
			blocker.release.countDown();
		}
		// the mailbox has room again once the actor goes on
		ActorSystemTests.await(() -> blocker.handled.size() == 3);
		assertThat(blocker.handled).containsExactly("first", "queued-1", "queued-2");
		ref.send("after");
		ActorSystemTests.await(() -> blocker.handled.size() == 4);
		assertThat(this.deadLetters).isEmpty();
	}

	// UNHANDLED

	@Test
	void messageNoHandlerTakesIsDeadLetterUnhandled() throws InterruptedException {
		ActorRef ref = this.system.spawn("echo", new Echo());
		ActorRef sender = this.system.spawn("sender", new Echo());
		ref.send(42, sender);
		ref.send(43L);
		List<DeadLetter> letters = DispatchTests.poll(this.deadLetters, 2);
		assertThat(letters).containsExactly(new DeadLetter(42, sender, ref, DeadLetter.Reason.UNHANDLED),
				new DeadLetter(43L, null, ref, DeadLetter.Reason.UNHANDLED));
		assertThat(this.system.deadLetterCount()).isEqualTo(2);
		// the actor goes on
		assertThat(this.system.bridge().<String>call(ref, "still here", ONE_SECOND)).isEqualTo("still here");
		assertThat(this.system.actor("echo").get().failures()).isZero();
	}

	@Test
	void bridgeCallNoHandlerTakesFailsAtOnce() throws InterruptedException {
		ActorRef ref = this.system.spawn("echo", new Echo());
		assertThatExceptionOfType(UnhandledMessageException.class)
			.isThrownBy(() -> this.system.bridge().call(ref, 42, Duration.ofSeconds(5)))
			.withMessageContaining("'echo'")
			.withMessageContaining(Integer.class.getName())
			.extracting(UnhandledMessageException::actor)
			.isEqualTo("echo");
		// published to the listeners once the caller has been told: it may come a little
		// later
		DeadLetter letter = this.deadLetters.poll(1, TimeUnit.SECONDS);
		assertThat(letter).isNotNull();
		assertThat(letter.message()).isEqualTo(42);
		assertThat(letter.reason()).isEqualTo(DeadLetter.Reason.UNHANDLED);
		assertThat(letter.recipient()).isSameAs(ref);
	}

	// NO_SENDER

	@Test
	void contextReplyWithoutSenderIsDeadLetterNoSender() throws InterruptedException {
		ActorRef ref = this.system.spawn("replier", new Replier());
		ref.send("hello");
		DeadLetter letter = DispatchTests.poll(this.deadLetters, 1).get(0);
		assertThat(letter.message()).isEqualTo("re: hello");
		assertThat(letter.reason()).isEqualTo(DeadLetter.Reason.NO_SENDER);
		assertThat(letter.sender()).isSameAs(ref);
		assertThat(letter.recipient()).isSameAs(ref);
		assertThat(this.system.deadLetterCount()).isEqualTo(1);
	}

	@Test
	void returnValueWithoutSenderIsDeadLetterNoSender() throws InterruptedException {
		ActorRef ref = this.system.spawn("echo", new Echo());
		ref.send("hello");
		DeadLetter letter = DispatchTests.poll(this.deadLetters, 1).get(0);
		assertThat(letter.message()).isEqualTo("hello");
		assertThat(letter.reason()).isEqualTo(DeadLetter.Reason.NO_SENDER);
		assertThat(letter.sender()).isSameAs(ref);
		assertThat(letter.recipient()).isSameAs(ref);
		assertThat(this.system.deadLetterCount()).isEqualTo(1);
	}

	@Test
	void voidOrNullReturnWithoutSenderIsNoDeadLetter() {
		ActorRef ref = this.system.spawn("quiet", new Quiet());
		ref.send("void");
		ref.send(1);
		assertThat(this.system.bridge().<String>call(ref, new Ping(), ONE_SECOND)).isEqualTo("pong");
		assertThat(this.deadLetters).isEmpty();
		assertThat(this.system.deadLetterCount()).isZero();
	}

	// LATE_REPLY

	@Test
	void replyAfterBridgeCallTimedOutIsDeadLetterLateReply() throws InterruptedException {
		Blocker blocker = new Blocker();
		ActorRef ref = this.system.spawn("slow", blocker);
		try {
			assertThatExceptionOfType(CallTimeoutException.class)
				.isThrownBy(() -> this.system.bridge().call(ref, new Question("life"), Duration.ofMillis(50)));
		}
		finally {
			blocker.release.countDown();
		}
		DeadLetter letter = DispatchTests.poll(this.deadLetters, 1).get(0);
		assertThat(letter.message()).isEqualTo("answer to life");
		assertThat(letter.reason()).isEqualTo(DeadLetter.Reason.LATE_REPLY);
		assertThat(letter.sender()).isSameAs(ref);
		assertThat(letter.recipient()).isNotNull();
		assertThat(this.system.deadLetterCount()).isEqualTo(1);
	}

	// Count and listeners

	@Test
	void deadLetterCountCountsEveryReason() throws InterruptedException {
		ActorRef echo = this.system.spawn("echo", new Echo());
		ActorRef stopped = this.system.spawn("stopped", new Echo());
		this.system.bridge().stop(List.of(stopped), ONE_SECOND);
		assertThat(this.system.deadLetterCount()).isZero();
		stopped.send("a");
		echo.send(1);
		echo.send("no sender");
		DispatchTests.poll(this.deadLetters, 3);
		assertThat(this.system.deadLetterCount()).isEqualTo(3);
		assertThat(this.deadLetters).isEmpty();
	}

	@Test
	void deadLettersAreCountedWithoutListeners() {
		this.system.removeDeadLetterListener(this.listener);
		ActorRef echo = this.system.spawn("echo", new Echo());
		for (int i = 0; i < 10; i++) {
			echo.send(i);
		}
		ActorSystemTests.await(() -> this.system.deadLetterCount() == 10);
	}

	@Test
	void removedListenerGetsNoMoreDeadLetters() throws InterruptedException {
		BlockingQueue<DeadLetter> other = new LinkedBlockingQueue<>();
		DeadLetterListener otherListener = other::add;
		this.system.addDeadLetterListener(otherListener);
		ActorRef echo = this.system.spawn("echo", new Echo());
		echo.send(1);
		assertThat(DispatchTests.poll(other, 1)).extracting(DeadLetter::message).containsExactly(1);
		DispatchTests.poll(this.deadLetters, 1);
		this.system.removeDeadLetterListener(otherListener);
		echo.send(2);
		assertThat(DispatchTests.poll(this.deadLetters, 1)).extracting(DeadLetter::message).containsExactly(2);
		assertThat(other).isEmpty();
		assertThat(this.system.deadLetterCount()).isEqualTo(2);
		// removing a listener that was never added does nothing
		this.system.removeDeadLetterListener((letter) -> {
		});
		echo.send(3);
		assertThat(DispatchTests.poll(this.deadLetters, 1)).extracting(DeadLetter::message).containsExactly(3);
	}

	@Test
	void throwingListenerDoesNotBreakDeliveryToOthers() throws InterruptedException {
		AtomicInteger calls = new AtomicInteger();
		this.system.removeDeadLetterListener(this.listener);
		this.system.addDeadLetterListener((letter) -> {
			calls.incrementAndGet();
			throw new IllegalStateException("listener failed");
		});
		this.system.addDeadLetterListener(this.listener);
		ActorRef echo = this.system.spawn("echo", new Echo());
		echo.send(1);
		echo.send(2);
		assertThat(DispatchTests.poll(this.deadLetters, 2)).extracting(DeadLetter::message).containsExactly(1, 2);
		assertThat(calls).hasValue(2);
		assertThat(this.system.deadLetterCount()).isEqualTo(2);
		// and the actor that found them goes on
		assertThat(this.system.bridge().<String>call(echo, "alive", ONE_SECOND)).isEqualTo("alive");
		assertThat(this.system.actor("echo").get().failures()).isZero();
	}

	// Behaviours

	record Ping() {
	}

	record Question(String text) {
	}

	static final class Echo {

		@Handles
		String onString(String message) {
			return message;
		}

	}

	static final class Replier {

		@Handles
		void onString(String message, ActorContext context) {
			context.reply("re: " + message);
		}

	}

	static final class Quiet {

		@Handles
		void onString(String message) {
		}

		@Handles
		String onInteger(Integer message) {
			return null;
		}

		@Handles
		String onPing(Ping ping) {
			return "pong";
		}

	}

	static final class Blocker {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final List<String> handled = new CopyOnWriteArrayList<>();

		@Handles
		void onString(String message) throws InterruptedException {
			this.handled.add(message);
			if (message.equals("first")) {
				this.entered.countDown();
				this.release.await(5, TimeUnit.SECONDS);
			}
		}

		@Handles
		String onQuestion(Question question) throws InterruptedException {
			this.entered.countDown();
			this.release.await(5, TimeUnit.SECONDS);
			return "answer to " + question.text();
		}

	}

}
