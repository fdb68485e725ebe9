package io.actorbeans.boot.lifecycle;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.Bridge;
import io.actorbeans.Handles;
import io.actorbeans.boot.ActorComponent;
import io.actorbeans.boot.ActorFactory;
import org.apache.catalina.Lifecycle;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small web application whose controller calls actors through the Bridge: a slow
 * singleton actor, a second singleton actor called after it, and a pool of prototype
 * actors.
 */
@SpringBootApplication
public class LifecycleTestApplication {

	/** How long the slow actor takes for a quote. */
	static final Duration QUOTE_TIME = Duration.ofMillis(400);

	/** The singleton actors, as {@link Signals} lists those that are running. */
	static final List<String> SINGLETON_ACTORS = List.of("formatter", "quotes");

	/**
	 * What the tests wait for, the slow actor having started a quote, and what happened
	 * in order: the web server starting and stopping (with the singleton actors running
	 * at that moment), the quotes answered, and the actors that ended.
	 */
	@Component
	static class Signals {

		final CountDownLatch quoteStarted = new CountDownLatch(1);

		private final List<String> events = new CopyOnWriteArrayList<>();

		private final ActorSystem system;

		Signals(ActorSystem system) {
			this.system = system;
			system.addTerminationListener((actor) -> record("actor " + actor.name() + " ended"));
		}

		void record(String event) {
			this.events.add(event);
		}

		/** The singleton actors that are running now. */
		List<String> runningActors() {
			return SINGLETON_ACTORS.stream().filter((name) -> this.system.lookup(name).isPresent()).toList();
		}

		List<String> events() {
			return List.copyOf(this.events);
		}

	}

	/**
	 * Records when the web server's connector starts taking requests and when it has
	 * stopped.
	 */
	@Bean
	TomcatConnectorCustomizer connectorEvents(Signals signals) {
		return (connector) -> connector.addLifecycleListener((event) -> {
			if (Lifecycle.AFTER_START_EVENT.equals(event.getType())) {
				signals.record("web server started, actors running: " + signals.runningActors());
			}
			else if (Lifecycle.AFTER_STOP_EVENT.equals(event.getType())) {
				signals.record("web server stopped, actors running: " + signals.runningActors());
			}
		});
	}

	record QuoteRequest(String item) {
	}

	record Quote(String item, int cents) {
	}

	/** The slow actor. */
	@ActorComponent("quotes")
	static class Quotes {

		private final Signals signals;

		Quotes(Signals signals) {
			this.signals = signals;
		}

		@Handles
		Quote quote(QuoteRequest request) throws InterruptedException {
			this.signals.quoteStarted.countDown();
			Thread.sleep(QUOTE_TIME.toMillis());
			return new Quote(request.item(), request.item().length() * 100);
		}

	}

	/** The actor the controller calls once the quote is in. */
	@ActorComponent("formatter")
	static class Formatter {

		@Handles
		String format(Quote quote) {
			return quote.item() + "=" + quote.cents();
		}

	}

	record Work(int client, int seq, long value) {
	}

	/** A prototype actor that squares numbers and checks each client's order. */
	@ActorComponent
	@Scope("prototype")
	static class Squarer {

		private final Map<Integer, Integer> lastSeqByClient = new HashMap<>();

		@Handles
		String square(Work work) {
			Integer last = this.lastSeqByClient.put(work.client(), work.seq());
			if (last != null && last >= work.seq()) {
				return "out-of-order:" + work.client() + ":" + last + ">=" + work.seq();
			}
			return work.client() + ":" + work.seq() + ":" + (work.value() * work.value());
		}

	}

	@RestController
	static class ShopController {

		static final int SQUARERS = 4;

		private final Bridge bridge;

		private final ActorRef quotes;

		private final ActorRef formatter;

		private final List<ActorRef> squarers;

		private final Signals signals;

		ShopController(Bridge bridge, @Qualifier("quotes") ActorRef quotes, @Qualifier("formatter") ActorRef formatter,
				ActorFactory actorFactory, Signals signals) {
			this.bridge = bridge;
			this.signals = signals;
			this.quotes = quotes;
			this.formatter = formatter;
			this.squarers = IntStream.range(0, SQUARERS)
				.mapToObj((i) -> actorFactory.spawn(Squarer.class, "squarer-" + i))
				.toList();
		}

		@GetMapping("/quote/{item}")
		String quote(@PathVariable String item) {
			Quote quote = this.bridge.call(this.quotes, new QuoteRequest(item), Duration.ofSeconds(5));
			String answer = this.bridge.call(this.formatter, quote, Duration.ofSeconds(5));
			this.signals.record("answered " + answer);
			return answer;
		}

		@GetMapping("/square")
		String square(@RequestParam int client, @RequestParam int seq, @RequestParam long value) {
			ActorRef squarer = this.squarers.get(Math.floorMod(Long.hashCode(value), SQUARERS));
			return this.bridge.call(squarer, new Work(client, seq, value), Duration.ofSeconds(5));
		}

	}

}
