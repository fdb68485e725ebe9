package io.actorbeans;

import kotlin.coroutines.Continuation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A handler that suspends needs a {@link SuspendingHandlerInvoker}; the core has none of
 * its own (actor-kotlin's tests call suspend functions).
 */
@Timeout(10)
class SuspendingHandlerTests {

	private final ActorSystem system = ActorSystem.create();

	@AfterEach
	void shutdown() {
		this.system.close();
	}

	@Test
	void aSuspendFunctionWithoutAnInvokerOnTheClassPathFailsTheSpawnAndSaysWhatToAdd() {
		assertThatExceptionOfType(InvalidBehaviorException.class)
			.isThrownBy(() -> this.system.spawn("suspending", new Suspending()))
			.withMessageContaining(
					"Invalid @Handles method 'onQuestion(String, Continuation)' on " + Suspending.class.getName())
			.withMessageContaining("it is a Kotlin suspend function, and no " + SuspendingHandlerInvoker.class.getName()
					+ " is on the class path to call it; " + "add io.actorbeans:actor-kotlin");
	}

	@Test
	void aContinuationIsNoPartOfTheShapeThatIsValidated() {
		assertThatExceptionOfType(InvalidBehaviorException.class)
			.isThrownBy(() -> this.system.spawn("suspending", new SuspendingWithTwoSenders()))
			.withMessageContaining("a handler takes at most one ActorRef sender");
	}

	/** What javac makes of {@code suspend fun onQuestion(question: String): String}. */
	static final class Suspending {

		@Handles
		Object onQuestion(String question, Continuation<? super String> continuation) {
			return question;
		}

	}

	static final class SuspendingWithTwoSenders {

		@Handles
		Object onQuestion(String question, ActorRef sender, ActorRef other, Continuation<? super String> continuation) {
			return question;
		}

	}

}
