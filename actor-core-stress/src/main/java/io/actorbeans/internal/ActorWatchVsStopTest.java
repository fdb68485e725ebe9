package io.actorbeans.internal;

import io.actorbeans.ActorContext;
import io.actorbeans.ActorRef;
import io.actorbeans.Handles;
import io.actorbeans.Stop;
import io.actorbeans.Terminated;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * A watcher starts watching an actor ({@link ActorContext#watch}) while that actor is
 * stopped, through the public API: whether the watch comes before the end, during it or
 * after it, the watcher gets exactly one {@link Terminated}. The arbiter waits (at most 5
 * s) for it, then stops the watcher.
 * <p>
 * Forbidden: no Terminated (the watch and the end missed each other), or two. (The
 * watcher's own watch set drops a second notice, so a duplicate sent by the runtime is
 * not observable here.)
 * <p>
 * Result: the Terminated messages the watcher handled; whether the watched actor's name
 * was already free when the watcher called watch (1: it had ended) or not (0).
 */
@JCStressTest
@Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "One Terminated; the watch came before the end or during it.")
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "One Terminated; the actor had ended before the watch.")
@Outcome(id = "0, .", expect = FORBIDDEN, desc = "No Terminated: the watch and the end missed each other.")
@Outcome(expect = FORBIDDEN, desc = "More than one Terminated.")
@State
public class ActorWatchVsStopTest {

	private final ActorRef target = StressSystem.SYSTEM.spawn(StressSystem.uniqueName("watched"),
			new RegistryCells.Idle());

	private final Watcher watcher = new Watcher();

	private final ActorRef watcherRef = StressSystem.SYSTEM.spawn(StressSystem.uniqueName("watcher"), this.watcher);

	@Actor
	public void watch() {
		this.watcherRef.send(new Watch(this.target));
	}

	@Actor
	public void stop() {
		this.target.send(new Stop());
	}

	@Arbiter
	public void arbiter(II_Result result) {
		StressSystem.await(() -> this.watcher.terminated > 0);
		result.r1 = this.watcher.terminated;
		result.r2 = this.watcher.endedBeforeWatch ? 1 : 0;
		this.watcherRef.send(new Stop());
	}

	record Watch(ActorRef target) {
	}

	/** Watches the actor it is told to, and counts the Terminated messages. */
	static final class Watcher {

		volatile int terminated;

		volatile boolean endedBeforeWatch;

		@Handles
		void on(Watch watch, ActorContext context) {
			this.endedBeforeWatch = context.system().lookup(watch.target().name()).isEmpty();
			context.watch(watch.target());
		}

		@Handles
		void on(Terminated terminated) {
			this.terminated++;
		}

	}

}
