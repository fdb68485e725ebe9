package io.actorbeans.sample.pingpong;

import io.actorbeans.ActorContext;
import io.actorbeans.ActorRef;
import io.actorbeans.Handles;
import io.actorbeans.boot.ActorComponent;

import org.springframework.context.annotation.Scope;

/**
 * A ping-pong player: a prototype actor bean, two of which play each rally. Served a
 * ball, it sends it to its opponent; handed a ball, it sends it back, until the rally's
 * deadline has passed, when it tells the umpire how many exchanges there were.
 * <p>
 * Confined to its actor. A player keeps no state: everything travels in the ball.
 *
 * @since 0.1.0
 */
@ActorComponent
@Scope("prototype")
class Player {

	@Handles
	void onServe(Serve serve, ActorRef umpire, ActorContext context) {
		serve.opponent().send(new Ball(1, serve.deadline(), umpire), context.self());
	}

	@Handles
	void onBall(Ball ball, ActorRef opponent, ActorContext context) {
		if (System.nanoTime() - ball.deadline() >= 0) {
			ball.umpire().send(new Rally(ball.exchanges()), context.self());
		}
		else {
			opponent.send(new Ball(ball.exchanges() + 1, ball.deadline(), ball.umpire()), context.self());
		}
	}

	/**
	 * Starts a rally: the player serves to its opponent, and the sender of this message
	 * (the umpire) gets the {@link Rally} at the end.
	 *
	 * @param opponent the other player
	 * @param deadline when the rally ends, in {@link System#nanoTime()} terms
	 */
	record Serve(ActorRef opponent, long deadline) {
	}

	/**
	 * The ball, with the rally's state.
	 *
	 * @param exchanges how many times the ball has been sent so far
	 * @param deadline when the rally ends, in {@link System#nanoTime()} terms
	 * @param umpire who gets the {@link Rally}
	 */
	record Ball(long exchanges, long deadline, ActorRef umpire) {
	}

	/**
	 * The result of a rally.
	 *
	 * @param exchanges how many times the ball was sent
	 */
	record Rally(long exchanges) {
	}

}
