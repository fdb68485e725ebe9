package io.actorbeans.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.actorbeans.ActorContext;
import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.Bridge;
import io.actorbeans.Handles;
import io.actorbeans.Stop;
import io.actorbeans.SuspendingHandlerInvoker.Resumption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The executor of an actor's own thread, where a suspended handler resumes
 * ({@link io.actorbeans.SuspendingHandlerInvoker}): its tasks run between the actor's
 * messages, in mailbox order; once the actor has ended it refuses them, and a resumption
 * still queued when the actor ends is told that it will never run.
 */
@Timeout(10)
class ActorThreadTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ActorSystem system = ActorSystem.create();

	private final Bridge bridge = this.system.bridge();

	@AfterEach
	void shutdown() {
		this.system.close();
	}

	@Test
	void aTaskRunsBetweenTheActorsMessagesInMailboxOrder() throws Exception {
		Host host = new Host();
		ActorRef actor = this.system.spawn("host", host);
		Executor actorThread = this.bridge.call(actor, new Capture(), TIMEOUT);
		Hold hold = new Hold();
		actor.send(hold);
		assertThat(hold.holding.await(5, TimeUnit.SECONDS)).isTrue();
		actor.send("before");
		actorThread.execute(() -> host.events.add("task"));
		actor.send("after");
		hold.release.countDown();
		assertThat(this.bridge.<List<String>>call(actor, new Events(), TIMEOUT)).containsExactly("before", "task",
				"after");
	}

	@Test
	void aTaskForAnActorThatHasEndedIsRefusedNamingTheActor() {
		ActorRef actor = this.system.spawn("host", new Host());
		Executor actorThread = this.bridge.call(actor, new Capture(), TIMEOUT);
		assertThat(this.bridge.stop(List.of(actor), TIMEOUT)).doesNotContainNull();
		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> actorThread.execute(() -> {
		})).withMessageContaining("Actor 'host' has ended");
	}

	@Test
	void aResumptionQueuedBehindTheStopOfItsActorIsToldItWillNeverRun() throws Exception {
		ActorRef actor = this.system.spawn("host", new Host());
		Executor actorThread = this.bridge.call(actor, new Capture(), TIMEOUT);
		Hold hold = new Hold();
		actor.send(hold);
		assertThat(hold.holding.await(5, TimeUnit.SECONDS)).isTrue();
		actor.send(new Stop());
		RecordingResumption resumption = new RecordingResumption();
		actorThread.execute(resumption);
		hold.release.countDown();
		assertThat(resumption.rejected.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(resumption.ran).isFalse();
	}

	/** Hands out the executor of its thread; records the strings it is sent. */
	static final class Host {

		private final List<String> events = new ArrayList<>();

		@Handles
		Executor capture(Capture capture, ActorContext context) {
			return ((CellContext) context).actorThread();
		}

		@Handles
		void record(String event) {
			this.events.add(event);
		}

		@Handles
		List<String> events(Events request) {
			return List.copyOf(this.events);
		}

		@Handles
		void hold(Hold hold) throws InterruptedException {
			hold.holding.countDown();
			hold.release.await(5, TimeUnit.SECONDS);
		}

	}

	record Capture() {
	}

	record Events() {
	}

	/** Holds the actor's thread until released. */
	static final class Hold {

		final CountDownLatch holding = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

	}

	static final class RecordingResumption implements Resumption {

		final CountDownLatch rejected = new CountDownLatch(1);

		final AtomicBoolean ran = new AtomicBoolean();

		@Override
		public void run() {
			this.ran.set(true);
		}

		@Override
		public void rejected() {
			this.rejected.countDown();
		}

	}

}
