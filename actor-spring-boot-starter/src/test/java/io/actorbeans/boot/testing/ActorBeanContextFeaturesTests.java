package io.actorbeans.boot.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.actorbeans.ActorContext;
import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.Handles;
import io.actorbeans.Stop;
import io.actorbeans.Terminated;
import io.actorbeans.boot.ActorComponent;
import io.actorbeans.test.TestProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a handler does through its {@code ActorContext} works in actor beans as in plain
 * actors: stash and unstash, become, timers, watch, ask with pipeToSelf, and children.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Timeout(30)
class ActorBeanContextFeaturesTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@Autowired
	private ActorSystem actorSystem;

	@Autowired
	@Qualifier("gatekeeper")
	private ActorRef gatekeeper;

	@Autowired
	@Qualifier("pricing")
	private ActorRef pricing;

	private final List<TestProbe> probes = new ArrayList<>();

	@AfterEach
	void closeProbes() {
		this.probes.forEach(TestProbe::close);
	}

	@Test
	void requestsStashedUntilTheGateOpensAreServedInOrderAndATimerClosesItAgain() {
		TestProbe probe = probe();
		this.gatekeeper.send("first", probe);
		this.gatekeeper.send("second", probe);
		// the gatekeeper answers in order: a reply to a request would come before the
		// quote
		assertQuoteIsTheNextReply(probe);
		this.gatekeeper.send(new Open(Duration.ofMillis(200)), probe);
		assertThat(probe.expectMessage(String.class, TIMEOUT)).isEqualTo("served first");
		assertThat(probe.expectMessage(String.class, TIMEOUT)).isEqualTo("served second");
		// the gate's timer closes it: requests are stashed again
		assertThat(probe.expectMessage(String.class, TIMEOUT)).isEqualTo("closed");
		this.gatekeeper.send("third", probe);
		assertQuoteIsTheNextReply(probe);
		this.gatekeeper.send(new Open(Duration.ofSeconds(10)), probe);
		assertThat(probe.expectMessage(String.class, TIMEOUT)).isEqualTo("served third");
		// closed before its timer: the gate is back as it began for the other tests
		this.gatekeeper.send(new Close());
		assertThat(probe.expectMessage(String.class, TIMEOUT)).isEqualTo("closed");
	}

	@Test
	void anActorBeanAsksAnotherAndPipesTheAnswerToItself() {
		TestProbe probe = probe();
		this.gatekeeper.send(new Quote("apple"), probe);
		assertThat(probe.expectMessage(String.class, TIMEOUT)).isEqualTo("apple costs 3");
	}

	@Test
	void anActorBeanWatchesTheChildItSpawned() {
		TestProbe probe = probe();
		this.gatekeeper.send(new SpawnAndWatch("helper"), probe);
		ActorRef child = probe.expectMessage(ActorRef.class, TIMEOUT);
		assertThat(child.name()).isEqualTo("gatekeeper/helper");
		child.send(new Stop());
		assertThat(probe.expectMessage(String.class, TIMEOUT)).isEqualTo("gatekeeper/helper ended");
	}

	/**
	 * Ask the closed gatekeeper for a quote: its next message to the probe must be the
	 * quote. Whatever it sent the probe before, for the messages it had taken earlier,
	 * would come first.
	 */
	private void assertQuoteIsTheNextReply(TestProbe probe) {
		this.gatekeeper.send(new Quote("plum"), probe);
		assertThat(probe.expectMessage(String.class, TIMEOUT)).isEqualTo("plum costs 2");
	}

	private TestProbe probe() {
		TestProbe probe = TestProbe.create(this.actorSystem);
		this.probes.add(probe);
		return probe;
	}

	record Open(Duration howLong) {
	}

	record Close() {
	}

	record Quote(String item) {
	}

	record Priced(ActorRef requester, String text) {
	}

	record SpawnAndWatch(String name) {
	}

	@SpringBootApplication
	@Import({ Gatekeeper.class, Pricing.class })
	static class FeaturesApplication {

	}

	@ActorComponent("gatekeeper")
	static class Gatekeeper {

		private final ActorRef pricing;

		private ActorRef watcher;

		Gatekeeper(@Qualifier("pricing") ActorRef pricing) {
			this.pricing = pricing;
		}

		@Handles
		void onRequest(String request, ActorContext context) {
			context.stash();
		}

		@Handles
		void onOpen(Open open, ActorRef sender, ActorContext context) {
			context.become(new OpenGate(sender));
			context.timers().startSingle("close", new Close(), open.howLong());
			context.unstashAll();
		}

		@Handles
		void onQuote(Quote quote, ActorRef requester, ActorContext context) {
			CompletableFuture<Integer> price = context.ask(this.pricing, quote.item(), TIMEOUT);
			context.pipeToSelf(price, (value, failure) -> new Priced(requester,
					(failure != null) ? "failed: " + failure : quote.item() + " costs " + value));
		}

		@Handles
		void onPriced(Priced priced, ActorContext context) {
			priced.requester().send(priced.text(), context.self());
		}

		@Handles
		ActorRef onSpawnAndWatch(SpawnAndWatch request, ActorRef sender, ActorContext context) {
			ActorRef child = context.spawn(request.name(), new Pricing());
			context.watch(child);
			this.watcher = sender;
			return child;
		}

		@Handles
		void onTerminated(Terminated terminated, ActorContext context) {
			this.watcher.send(terminated.actor().name() + " ended", context.self());
		}

	}

	static class OpenGate {

		private final ActorRef opener;

		OpenGate(ActorRef opener) {
			this.opener = opener;
		}

		@Handles
		String onRequest(String request) {
			return "served " + request;
		}

		@Handles
		void onClose(Close close, ActorContext context) {
			context.timers().cancel("close");
			context.unbecome();
			this.opener.send("closed", context.self());
		}

	}

	@ActorComponent("pricing")
	static class Pricing {

		@Handles
		Integer onItem(String item) {
			return item.length() - 2;
		}

	}

}
