package io.actorbeans.internal;

import java.time.Duration;

import io.actorbeans.ActorContext;
import io.actorbeans.ActorRef;
import io.actorbeans.Handles;
import io.actorbeans.Stop;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.L_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Two threads each tell an actor to start a single timer of no delay under one key,
 * through the public API ({@link ActorContext#timers()}): the second start replaces the
 * first, while the scheduler thread may be firing it or its tick may already wait in the
 * mailbox. A tick is handled only while its timer is the key's current one, and the timer
 * started last always ticks, once. The arbiter waits (at most 5 s) for that tick, then
 * stops the actor.
 * <p>
 * Forbidden: a tick handled after its timer was replaced (a stale tick), a tick handled
 * twice, the last timer's tick never handled.
 * <p>
 * Result: what the actor handled, in order: {@code a} and {@code b} for starting timer A
 * or B, {@code A} and {@code B} for their ticks.
 */
@JCStressTest
@Outcome(id = { "abB", "baA" }, expect = ACCEPTABLE, desc = "The first timer was replaced before its tick was handled.")
@Outcome(id = { "aAbB", "bBaA" }, expect = ACCEPTABLE, desc = "The first timer ticked before it was replaced.")
@Outcome(id = { "abA", "baB", "abAB", "abBA", "baBA", "baAB" }, expect = FORBIDDEN,
		desc = "A replaced timer's tick was handled.")
@Outcome(id = { "ab", "ba", "a", "b", "" }, expect = FORBIDDEN, desc = "The current timer never ticked.")
@Outcome(expect = FORBIDDEN, desc = "A tick was handled twice, or something else happened.")
@State
public class ActorTimerReplaceTest {

	private final Ticks ticks = new Ticks();

	private final ActorRef actor = StressSystem.SYSTEM.spawn(StressSystem.uniqueName("timers"), this.ticks);

	@Actor
	public void startA() {
		this.actor.send(new Start("a"));
	}

	@Actor
	public void startB() {
		this.actor.send(new Start("b"));
	}

	@Arbiter
	public void arbiter(L_Result result) {
		StressSystem.await(this.ticks::lastTicked);
		result.r1 = this.ticks.handled;
		this.actor.send(new Stop());
	}

	record Start(String timer) {
	}

	record Tick(String timer) {
	}

	/** Starts the timers it is told to under one key, and records what it handles. */
	static final class Ticks {

		private static final Object KEY = "key";

		volatile String handled = "";

		@Handles
		void on(Start start, ActorContext context) {
			this.handled += start.timer();
			context.timers().startSingle(KEY, new Tick(start.timer().toUpperCase()), Duration.ZERO);
		}

		@Handles
		void on(Tick tick) {
			this.handled += tick.timer();
		}

		/** Whether both timers were started and the last one has ticked. Any thread. */
		boolean lastTicked() {
			String handled = this.handled;
			int lastStart = Math.max(handled.lastIndexOf('a'), handled.lastIndexOf('b'));
			return handled.length() >= 3
					&& handled.indexOf(Character.toUpperCase(handled.charAt(lastStart)), lastStart) > lastStart;
		}

	}

}
