package io.actorbeans.boot.test;

import io.actorbeans.ActorRef;
import io.actorbeans.test.TestProbe;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestContextManager;
import org.springframework.test.context.bean.override.BeanOverrideHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A misused {@code @TestProbeBean} fails naming the field, or the bean it looked for.
 */
class TestProbeBeanFailureTests {

	@Test
	void aFieldOfAnotherTypeIsRejectedNamingItAndItsType() {
		assertThatIllegalStateException().isThrownBy(() -> BeanOverrideHandler.forTestClass(WrongType.class))
			.withMessage("Invalid @TestProbeBean field 'probe' of " + WrongType.class.getName()
					+ ": its type is io.actorbeans.ActorRef; declare it as io.actorbeans.test.TestProbe");
	}

	@Test
	void aBlankNameIsRejectedNamingTheField() {
		assertThatIllegalStateException().isThrownBy(() -> BeanOverrideHandler.forTestClass(BlankName.class))
			.withMessageContaining(
					"Invalid @TestProbeBean field 'probe' of " + BlankName.class.getName() + ": name the actor bean");
	}

	@Test
	void aProbeForAMissingActorBeanFailsTheContextNamingTheBeanItLookedFor() {
		TestContextManager manager = new TestContextManager(MissingActorBean.class);
		assertThatException().isThrownBy(() -> manager.prepareTestInstance(new MissingActorBean()))
			.satisfies((ex) -> assertThat(rootCause(ex)).hasMessageContaining("'missingActorRef'")
				.hasMessageContaining("io.actorbeans.ActorRef"));
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	static class WrongType {

		@TestProbeBean("recorder")
		ActorRef probe;

	}

	static class BlankName {

		@TestProbeBean(" ")
		TestProbe probe;

	}

	@ActorTest
	static class MissingActorBean {

		@TestProbeBean("missing")
		TestProbe probe;

	}

}
