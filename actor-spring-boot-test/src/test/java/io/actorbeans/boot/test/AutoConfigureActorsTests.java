package io.actorbeans.boot.test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.actorbeans.ActorRef;
import io.actorbeans.Bridge;
import io.actorbeans.boot.test.app.NotAnActor;
import io.actorbeans.test.TestProbe;
import io.actorbeans.test.VirtualTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @AutoConfigureActors(virtualTime = true)} gives a whole-application test virtual
 * time, and {@code @TestProbeBean} works there too.
 */
@SpringBootTest
@AutoConfigureActors(virtualTime = true)
@Timeout(30)
class AutoConfigureActorsTests {

	@Autowired
	VirtualTime time;

	@Autowired
	Bridge bridge;

	@Autowired
	NotAnActor notAnActor;

	@TestProbeBean("greeter")
	TestProbe greeter;

	@Test
	void aBridgeAskTimesOutWhenTheVirtualTimeIsAdvanced() {
		CompletableFuture<Object> greeting = this.bridge.ask((ActorRef) this.greeter, "Ada", Duration.ofSeconds(5));
		this.greeter.expectMessage("Ada", Duration.ofSeconds(5));
		this.time.advance(Duration.ofSeconds(4));
		assertThat(greeting).isNotDone();
		this.time.advance(Duration.ofSeconds(1));
		assertThat(greeting).isCompletedExceptionally();
	}

}
