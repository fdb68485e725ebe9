package io.actorbeans.boot.autoconfigure;

import io.actorbeans.ActorException;
import io.actorbeans.ActorNameInUseException;
import io.actorbeans.DispatcherUnavailableException;
import io.actorbeans.InvalidBehaviorException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup that failed because an actor bean could not be spawned: invalid
 * handlers, a dispatcher this JVM cannot run, or an actor name already taken.
 */
final class ActorFailureAnalyzer extends AbstractFailureAnalyzer<ActorException> {

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, ActorException cause) {
		BeanCreationException beanFailure = innermostBeanFailure(rootFailure);
		String bean = (beanFailure != null && beanFailure.getBeanName() != null)
				? "Actor bean '" + beanFailure.getBeanName() + "'" : "An actor";
		if (cause instanceof InvalidBehaviorException) {
			return new FailureAnalysis(bean + " cannot be spawned:\n\n    " + cause.getMessage() + "\n",
					"Correct the @Handles method named above. A handler takes the message (or names its class "
							+ "with @Handles(Type.class)), then optionally an ActorRef sender and an ActorContext; "
							+ "it is not static, and a class has at most one handler per message class.",
					cause);
		}
		if (cause instanceof DispatcherUnavailableException) {
			return new FailureAnalysis(bean + " cannot be spawned:\n\n    " + cause.getMessage() + "\n",
					"Run the application on Java 21 or newer, or choose another dispatcher with "
							+ "@Actor(dispatcher = ...) or the property actorbeans.dispatcher.type.",
					cause);
		}
		if (cause instanceof ActorNameInUseException) {
			return new FailureAnalysis(bean + " cannot be spawned:\n\n    " + cause.getMessage() + "\n",
					"Give each actor bean a distinct name with @Actor(name = ...).", cause);
		}
		return null;
	}

	/**
	 * The bean whose creation failed first: the actor bean, not the beans that needed it.
	 */
	private static @Nullable BeanCreationException innermostBeanFailure(Throwable failure) {
		BeanCreationException innermost = null;
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof BeanCreationException beanFailure) {
				innermost = beanFailure;
			}
		}
		return innermost;
	}

}
