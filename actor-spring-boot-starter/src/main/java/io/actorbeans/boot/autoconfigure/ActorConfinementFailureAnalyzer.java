package io.actorbeans.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup that failed because a bean asked to be injected with an actor bean.
 */
final class ActorConfinementFailureAnalyzer extends AbstractFailureAnalyzer<ActorConfinementException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ActorConfinementException cause) {
		return new FailureAnalysis(cause.getMessage() + ".",
				"Inject the actor's ActorRef instead, and send it messages: @Qualifier(\"" + cause.getActorName()
						+ "\") ActorRef " + cause.getActorName().replaceAll("[^A-Za-z0-9_]", "")
						+ "; from code that needs a reply, use the Bridge bean.",
				cause);
	}

}
