package io.actorbeans.boot.autoconfigure;

import java.util.Map;

import org.springframework.beans.factory.config.BeanDefinitionHolder;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.context.annotation.ContextAnnotationAutowireCandidateResolver;
import org.springframework.core.MethodParameter;

/**
 * Spring's autowire candidate resolver, which refuses to inject an actor bean into
 * another bean.
 */
final class ActorConfiningAutowireCandidateResolver extends ContextAnnotationAutowireCandidateResolver {

	/*-
	 * An actor's bean must be reached through its mailbox only: a bean injected with it could call
	 * its methods from any thread, concurrently with its handlers. Spring asks the resolver whether
	 * each bean of a matching type may be injected; for an actor bean the answer is an exception
	 * that names the culprit and says what to inject instead. The starter itself gets actor beans by
	 * name (getBean), which does not go through the resolver.
	 */

	private final Map<String, ActorDeclaration> declarations;

	ActorConfiningAutowireCandidateResolver(Map<String, ActorDeclaration> declarations) {
		this.declarations = declarations;
	}

	@Override
	public boolean isAutowireCandidate(BeanDefinitionHolder holder, DependencyDescriptor descriptor) {
		boolean candidate = super.isAutowireCandidate(holder, descriptor);
		ActorDeclaration declaration = this.declarations.get(holder.getBeanName());
		if (candidate && declaration != null) {
			if (!descriptor.fallbackMatchAllowed()) {
				// Spring's first pass: let another bean (a @Primary one, say) match
				// instead
				return false;
			}
			throw new ActorConfinementException(declaration.beanName(), declaration.actorName(), describe(descriptor));
		}
		return candidate;
	}

	private static String describe(DependencyDescriptor descriptor) {
		if (descriptor.getField() != null) {
			return "field '" + descriptor.getField().getName() + "' of "
					+ descriptor.getField().getDeclaringClass().getName();
		}
		MethodParameter parameter = descriptor.getMethodParameter();
		if (parameter != null) {
			return "parameter " + parameter.getParameterIndex() + " of " + parameter.getExecutable().toGenericString();
		}
		return descriptor.toString();
	}

	@Override
	public ContextAnnotationAutowireCandidateResolver cloneIfNecessary() {
		return new ActorConfiningAutowireCandidateResolver(this.declarations);
	}

}
