package io.actorbeans.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup that failed because a {@link io.actorbeans.boot.Periodic @Periodic}
 * method of an actor bean is invalid.
 */
final class InvalidPeriodicMethodFailureAnalyzer extends AbstractFailureAnalyzer<InvalidPeriodicMethodException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidPeriodicMethodException cause) {
		return new FailureAnalysis(
				"Actor bean '" + cause.getBeanName() + "' cannot be spawned:\n\n    " + cause.getMessage() + "\n",
				"Correct the @Periodic method named above. @Periodic goes on a @Handles method; the tick it "
						+ "sends is an instance of that handler's message class, made once at startup: an enum "
						+ "with exactly one constant, or a concrete (static, if nested) class with a no-arg "
						+ "constructor. The interval is a positive duration such as \"500ms\", \"5s\" or "
						+ "\"PT1M\", or a placeholder that resolves to one: define the property it names, or "
						+ "give it a default (\"${reports.interval:5s}\").",
				cause);
	}

}
