package io.actorbeans.boot.test.app;

import io.actorbeans.ActorRef;
import io.actorbeans.Handles;
import io.actorbeans.boot.ActorComponent;
import io.actorbeans.boot.Periodic;

import org.springframework.beans.factory.annotation.Qualifier;

/** Every ten seconds, tells the {@code recorder} how many times it has ticked. */
@ActorComponent("ticker")
public class Ticker {

	private final ActorRef recorder;

	private int ticks;

	Ticker(@Qualifier("recorder") ActorRef recorder) {
		this.recorder = recorder;
	}

	@Periodic(interval = "10s")
	@Handles
	void onTick(Tick tick) {
		this.ticks++;
		this.recorder.send("tick " + this.ticks);
	}

	/** The tick. */
	public enum Tick {

		/** The only one. */
		TICK

	}

}
