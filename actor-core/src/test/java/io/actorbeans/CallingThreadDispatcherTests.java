package io.actorbeans;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The calling-thread dispatcher: the sending thread runs the handlers before its send
 * returns; a message to self is handled after the current handler, never inside it; a
 * send to another idle actor runs it nested, one to a busy actor is queued; and one
 * thread at a time still runs an actor when many threads send.
 */
@Timeout(20)
class CallingThreadDispatcherTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ActorSystem system = ActorSystem.create(ActorSystemSettings.defaults()
		.withName("calling")
		.withDispatcher(Dispatcher.CALLING_THREAD)
		.withThroughput(2));

	private final List<String> events = Collections.synchronizedList(new ArrayList<>());

	@AfterEach
	void shutdown() {
		this.system.close();
	}

	@Test
	void theSendingThreadRunsTheHandlerBeforeSendReturns() {
		List<Thread> threads = new CopyOnWriteArrayList<>();
		ActorRef actor = this.system.spawn("recorder", new Object() {
			@Handles
			void on(String message) {
				threads.add(Thread.currentThread());
			}
		});
		actor.send("one");
		assertThat(threads).containsExactly(Thread.currentThread());
		assertThat(this.system.actor("recorder").orElseThrow().dispatcher()).isEqualTo(Dispatcher.CALLING_THREAD);
	}

	@Test
	void aMessageToSelfIsHandledAfterTheCurrentHandlerAndBeforeSendReturns() {
		ActorRef actor = this.system.spawn("self", new Object() {
			@Handles
			void on(Integer countdown, ActorContext context) {
				CallingThreadDispatcherTests.this.events.add("start " + countdown);
				if (countdown > 0) {
					context.self().send(countdown - 1);
				}
				CallingThreadDispatcherTests.this.events.add("end " + countdown);
			}
		});
		// throughput 2: the turn hands itself back twice on the way, without recursing
		actor.send(4);
		assertThat(this.events).containsExactly("start 4", "end 4", "start 3", "end 3", "start 2", "end 2", "start 1",
				"end 1", "start 0", "end 0");
	}

	@Test
	void aLongRunOfMessagesToSelfDoesNotGrowTheStack() {
		AtomicInteger handled = new AtomicInteger();
		ActorRef actor = this.system.spawn("long", new Object() {
			@Handles
			void on(Integer countdown, ActorContext context) {
				handled.incrementAndGet();
				if (countdown > 0) {
					context.self().send(countdown - 1);
				}
			}
		});
		// a turn per two messages: recursing once per turn would overflow the stack
		assertThatNoException().isThrownBy(() -> actor.send(200_000));
		assertThat(handled).hasValue(200_001);
	}

	@Test
	void aSendToAnotherIdleActorRunsItNestedBeforeTheSendReturns() {
		ActorRef inner = this.system.spawn("inner", new Object() {
			@Handles
			void on(String message) {
				CallingThreadDispatcherTests.this.events.add("inner " + message);
			}
		});
		ActorRef outer = this.system.spawn("outer", new Object() {
			@Handles
			void on(String message) {
				CallingThreadDispatcherTests.this.events.add("outer start");
				inner.send(message);
				CallingThreadDispatcherTests.this.events.add("outer end");
			}
		});
		outer.send("hello");
		assertThat(this.events).containsExactly("outer start", "inner hello", "outer end");
	}

	@Test
	void aReplyToABusyCallerIsQueuedAndHandledAfterItsHandlerInOrder() {
		ActorRef echo = this.system.spawn("echo", new Object() {
			@Handles
			String on(String message) {
				CallingThreadDispatcherTests.this.events.add("echo " + message);
				return "re: " + message;
			}
		});
		ActorRef caller = this.system.spawn("caller", new Object() {
			@Handles
			void onStart(Integer start, ActorContext context) {
				CallingThreadDispatcherTests.this.events.add("caller start");
				echo.send("a", context.self());
				echo.send("b", context.self());
				CallingThreadDispatcherTests.this.events.add("caller end");
			}

			@Handles
			void onReply(String reply) {
				CallingThreadDispatcherTests.this.events.add("caller got " + reply);
			}
		});
		caller.send(1);
		assertThat(this.events).containsExactly("caller start", "echo a", "echo b", "caller end", "caller got re: a",
				"caller got re: b");
	}

	@Test
	void aBridgeCallIsAnsweredOnTheCallersThread() {
		ActorRef actor = this.system.spawn("thread-name", new Object() {
			@Handles
			String on(String message) {
				return Thread.currentThread().getName();
			}
		});
		String handledOn = this.system.bridge().call(actor, "which thread?", TIMEOUT);
		assertThat(handledOn).isEqualTo(Thread.currentThread().getName());
	}

	@Test
	void aFailingHandlerDoesNotThrowIntoTheSenderAndTheFailurePolicyApplies() {
		ActorRef actor = this.system.spawn("failing", new Object() {
			@Handles
			void on(String message) {
				throw new IllegalStateException("boom");
			}
		}, SpawnOptions.defaults().withFailurePolicy(FailurePolicy.STOP));
		assertThatNoException().isThrownBy(() -> actor.send("x"));
		assertThat(this.system.lookup("failing")).isEmpty();
	}

	@Test
	void manyThreadsSendingRunTheActorOneAtATimeAndLoseNothing() throws InterruptedException {
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger overlaps = new AtomicInteger();
		AtomicInteger handled = new AtomicInteger();
		ActorRef actor = this.system.spawn("contended", new Object() {
			@Handles
			void on(Integer message) {
				if (inside.incrementAndGet() != 1) {
					overlaps.incrementAndGet();
				}
				handled.incrementAndGet();
				inside.decrementAndGet();
			}
		});
		int threads = 4;
		int perThread = 5_000;
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> senders = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread sender = new Thread(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					return;
				}
				for (int i = 0; i < perThread; i++) {
					actor.send(i);
				}
			});
			sender.start();
			senders.add(sender);
		}
		start.countDown();
		for (Thread sender : senders) {
			sender.join(10_000);
			assertThat(sender.isAlive()).as("sender finished").isFalse();
		}
		// every send has returned, and whichever thread ran the actor emptied its mailbox
		assertThat(overlaps).hasValue(0);
		assertThat(handled).hasValue(threads * perThread);
	}

}
