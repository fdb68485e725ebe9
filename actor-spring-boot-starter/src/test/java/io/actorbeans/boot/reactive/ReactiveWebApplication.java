package io.actorbeans.boot.reactive;

import java.time.Duration;

import io.actorbeans.ActorRef;
import io.actorbeans.Bridge;
import io.actorbeans.Handles;
import io.actorbeans.boot.Actor;
import io.actorbeans.boot.BlockingCallException;
import io.actorbeans.boot.ReactiveBridge;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A WebFlux application whose controller answers with an actor's reply as a {@code Mono}:
 * the {@code doubler} actor bean replies at once, or with a {@code Mono} that emits later
 * on another thread.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ReactiveWebApplication.DoublerController.class)
class ReactiveWebApplication {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Bean
	@Actor
	Doubler doubler() {
		return new Doubler();
	}

	record Later(int value) {
	}

	static class Doubler {

		@Handles
		Integer onInteger(Integer value) {
			return value * 2;
		}

		@Handles
		Mono<Integer> onLater(Later later) {
			return Mono.delay(Duration.ofMillis(1)).map((tick) -> later.value() * 2);
		}

	}

	/** Each answer names the thread that made it, after the actor replied. */
	@RestController
	static class DoublerController {

		private final ReactiveBridge reactiveBridge;

		private final Bridge bridge;

		private final ActorRef doubler;

		DoublerController(ReactiveBridge reactiveBridge, Bridge bridge, @Qualifier("doubler") ActorRef doubler) {
			this.reactiveBridge = reactiveBridge;
			this.bridge = bridge;
			this.doubler = doubler;
		}

		@GetMapping("/double/{value}")
		Mono<String> doubled(@PathVariable int value) {
			return this.reactiveBridge.<Integer>ask(this.doubler, value, TIMEOUT).map(DoublerController::onThread);
		}

		@GetMapping("/later/{value}")
		Mono<String> later(@PathVariable int value) {
			return this.reactiveBridge.<Integer>ask(this.doubler, new Later(value), TIMEOUT)
				.map(DoublerController::onThread);
		}

		@GetMapping("/blocking")
		Mono<String> blocking() {
			try {
				return Mono.just("answered: " + this.bridge.call(this.doubler, 1, TIMEOUT));
			}
			catch (BlockingCallException ex) {
				return Mono.just("refused on " + Thread.currentThread().getName() + ": " + ex.getMessage());
			}
		}

		private static String onThread(Integer reply) {
			return reply + " on " + Thread.currentThread().getName();
		}

	}

}
