package io.actorbeans.sample.pingpong;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.Bridge;
import io.actorbeans.Stop;
import io.actorbeans.boot.ActorFactory;
import io.actorbeans.sample.pingpong.Player.Rally;
import io.actorbeans.sample.pingpong.Player.Serve;

import org.springframework.stereotype.Component;

/**
 * Plays rallies: each one spawns two {@link Player} actors, {@code ping-<n>} and
 * {@code pong-<n>}, lets them bounce a ball for the time asked, and stops them.
 * <p>
 * Thread-safe: called by the request threads; concurrent rallies have players of their
 * own.
 *
 * @since 0.1.0
 */
@Component
class PingPong {

	private final AtomicLong rallies = new AtomicLong();

	private final ActorSystem actorSystem;

	private final ActorFactory actorFactory;

	private final Bridge bridge;

	PingPong(ActorSystem actorSystem, ActorFactory actorFactory, Bridge bridge) {
		this.actorSystem = actorSystem;
		this.actorFactory = actorFactory;
		this.bridge = bridge;
	}

	/**
	 * Play one rally. The Bridge call waits for the rally's duration plus the Bridge's
	 * default timeout.
	 * @param duration how long the players bounce the ball
	 * @return the rally's result
	 */
	Rally play(Duration duration) {
		long rally = this.rallies.incrementAndGet();
		ActorRef ping = this.actorFactory.spawn(Player.class, "ping-" + rally);
		try {
			ActorRef pong = this.actorFactory.spawn(Player.class, "pong-" + rally);
			try {
				Serve serve = new Serve(pong, System.nanoTime() + duration.toNanos());
				return this.bridge.call(ping, serve, duration.plus(this.actorSystem.settings().bridgeTimeout()));
			}
			finally {
				pong.send(new Stop());
			}
		}
		finally {
			ping.send(new Stop());
		}
	}

}
