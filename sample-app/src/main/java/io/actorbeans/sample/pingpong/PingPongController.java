package io.actorbeans.sample.pingpong;

import java.time.Duration;

import io.actorbeans.sample.pingpong.Player.Rally;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /ping-pong?millis=N}: two actors bounce a ball for {@code N} milliseconds
 * (1 to 5000), and the answer says how many times it was sent.
 * <p>
 * Thread-safe: called by the request threads.
 *
 * @since 0.1.0
 */
@RestController
class PingPongController {

	private static final String MILLIS_RULE = "must be between 1 and 5000";

	private final PingPong pingPong;

	PingPongController(PingPong pingPong) {
		this.pingPong = pingPong;
	}

	@PostMapping("/ping-pong")
	Rally play(
			@RequestParam @Min(value = 1, message = MILLIS_RULE) @Max(value = 5000, message = MILLIS_RULE) int millis) {
		return this.pingPong.play(Duration.ofMillis(millis));
	}

}
