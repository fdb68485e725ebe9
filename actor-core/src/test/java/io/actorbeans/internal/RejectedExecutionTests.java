package io.actorbeans.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.actorbeans.ActorInfo;
import io.actorbeans.ActorState;
import io.actorbeans.ActorSystemSettings;
import io.actorbeans.DeadLetter;
import io.actorbeans.FailurePolicy;
import io.actorbeans.Handles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * An actor whose executor refuses it (it has shut down) ends at once, as failed, with its
 * messages dead letters, rather than staying scheduled with nobody to run it.
 */
@Timeout(10)
class RejectedExecutionTests {

	private final DefaultActorSystem system = new DefaultActorSystem(
			ActorSystemSettings.defaults().withName("rejected").withShutdownTimeout(Duration.ofSeconds(5)), null);

	@AfterEach
	void shutdown() {
		this.system.close();
	}

	@Test
	void anActorWhoseExecutorRefusesItEndsAsFailedAndItsMessageIsADeadLetter() {
		List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
		List<ActorInfo> ended = new CopyOnWriteArrayList<>();
		this.system.addDeadLetterListener(deadLetters::add);
		this.system.addTerminationListener(ended::add);
		Executor shutDown = (task) -> {
			throw new RejectedExecutionException("shut down");
		};
		ActorCell cell = new ActorCell("refused", new CellProfile(this.system, shutDown, FailurePolicy.STOP, 0, null),
				new Silent(), HandlerTable.of(Silent.class));

		assertThatNoException().isThrownBy(() -> cell.send("first", null));
		assertThat(cell.isFinished()).isTrue();
		assertThat(ended).singleElement().satisfies((info) -> {
			assertThat(info.name()).isEqualTo("refused");
			assertThat(info.state()).isEqualTo(ActorState.FAILED);
		});
		assertThat(deadLetters).extracting(DeadLetter::message).containsExactly("first");

		cell.send("second", null);
		assertThat(deadLetters).extracting(DeadLetter::message).containsExactly("first", "second");
		assertThat(deadLetters).extracting(DeadLetter::reason).containsOnly(DeadLetter.Reason.STOPPED);
	}

	static final class Silent {

		@Handles
		void on(String message) {
		}

	}

}
