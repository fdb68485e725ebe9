package io.actorbeans.boot.reactive;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A WebFlux controller answers with actors' replies under 16 concurrent clients of 200
 * requests each, and no event-loop thread ever blocks: BlockHound, installed in this test
 * JVM only (a Surefire execution of its own, for the tag {@code blockhound}, with the JVM
 * flag it needs), reports every blocking call on a non-blocking thread, here by recording
 * it and failing the call.
 */
@SpringBootTest(classes = ReactiveWebApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
@Tag("blockhound")
@Timeout(120)
class ReactiveWebApplicationBlockHoundTests {

	private static final int CLIENTS = 16;

	private static final int REQUESTS_PER_CLIENT = 200;

	private static final Queue<String> blockingCalls = new ConcurrentLinkedQueue<>();

	@LocalServerPort
	private int port;

	@BeforeAll
	static void installBlockHound() {
		BlockHound.install((builder) -> builder
			// An ask's timer is cancelled under the lock of the scheduler's queue, held
			// for a few microseconds, as Reactor allows for offer and take on that queue.
			.allowBlockingCallsInside("java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue", "remove")
			// Netty 4.2's buffer allocator takes a StampedLock to share its magazines
			// between
			// threads (the response is encoded on the parallel scheduler): a short lock
			// that
			// Netty's own BlockHound rules do not list yet.
			.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator", "allocate")
			.blockingMethodCallback((method) -> {
				blockingCalls.add(method + " on " + Thread.currentThread().getName());
				throw new BlockingOperationError(method);
			}));
	}

	@BeforeEach
	void blockHoundCatchesABlockingCallOnANonBlockingThread() {
		Mono<Integer> sleeping = Mono.fromCallable(() -> {
			Thread.sleep(1);
			return 1;
		}).subscribeOn(Schedulers.parallel());
		assertThatThrownBy(() -> sleeping.block(Duration.ofSeconds(10))).rootCause()
			.isInstanceOf(BlockingOperationError.class);
		assertThat(blockingCalls).singleElement().asString().contains("java.lang.Thread.sleep").contains("parallel-");
		blockingCalls.clear();
	}

	@Test
	void everyRequestGetsItsReplyAndNoEventLoopBlocks() {
		WebClient client = WebClient.create("http://localhost:" + this.port);
		List<String> answers = Flux.range(0, CLIENTS)
			.flatMap((clientIndex) -> Flux.range(0, REQUESTS_PER_CLIENT)
				.concatMap((request) -> get(client,
						((request % 2 == 0) ? "/double/" : "/later/") + (clientIndex * REQUESTS_PER_CLIENT + request))),
					CLIENTS)
			.collectList()
			.block(Duration.ofSeconds(90));
		assertThat(answers).hasSize(CLIENTS * REQUESTS_PER_CLIENT);
		assertThat(answers).extracting((answer) -> Integer.parseInt(answer.substring(0, answer.indexOf(' '))))
			.containsExactlyInAnyOrderElementsOf(
					Flux.range(0, CLIENTS * REQUESTS_PER_CLIENT).map((value) -> value * 2).collectList().block());
		// the controller's continuation ran on the ReactiveBridge's scheduler, never on
		// an
		// actor's thread
		assertThat(answers).allSatisfy((answer) -> assertThat(answer).contains(" on parallel-"));
		assertThat(blockingCalls).isEmpty();
	}

	@Test
	void aBridgeCallOnTheEventLoopFailsFastAndSaysToUseReactiveBridge() {
		WebClient client = WebClient.create("http://localhost:" + this.port);
		assertThat(get(client, "/blocking").block(Duration.ofSeconds(10))).startsWith("refused on webflux-http-nio-")
			.contains("Bridge.call to actor 'doubler' would block thread 'webflux-http-nio-")
			.contains("use ReactiveBridge");
		assertThat(blockingCalls).isEmpty();
	}

	private static Mono<String> get(WebClient client, String path) {
		return client.get().uri(path).retrieve().bodyToMono(String.class);
	}

}
