package io.actorbeans.boot.autoconfigure;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanDefinitionHolder;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.beans.factory.support.AutowireCandidateResolver;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.MethodParameter;

/**
 * Wraps the context's autowire candidate resolver, whatever it is, to report an injection
 * point that only an actor bean could satisfy. Called by the container on any thread that
 * resolves a dependency; immutable.
 */
final class ConfinementReportingAutowireCandidateResolver implements AutowireCandidateResolver, BeanFactoryAware {

	/*-
	 * The actor beans are confined by their definitions (autowireCandidate=false, set by
	 * ActorBeanRegistrar), not by this resolver: without it they are still never injected. Spring
	 * first looks for candidates without fallback matching; only when that finds nothing does it
	 * try again with fallback matching allowed. In that second pass, an actor bean that the wrapped
	 * resolver would accept but for its flag (its type, generics and qualifiers match) is what the
	 * injection point asks for: that is reported with an ActorConfinementException naming the bean,
	 * the injection point and, through the failure analyzer, the ActorRef to inject instead. A
	 * constructor or field, an ObjectProvider and a collection of the actor's type are all resolved
	 * this way; a lookup by name or type (getBean) is not: it gets the bean behind a
	 * ConfinementGuard.
	 */

	private final AutowireCandidateResolver delegate;

	private final Map<String, ActorDeclaration> declarations;

	ConfinementReportingAutowireCandidateResolver(AutowireCandidateResolver delegate,
			Map<String, ActorDeclaration> declarations) {
		this.delegate = delegate;
		this.declarations = declarations;
	}

	@Override
	public boolean isAutowireCandidate(BeanDefinitionHolder holder, DependencyDescriptor descriptor) {
		boolean candidate = this.delegate.isAutowireCandidate(holder, descriptor);
		if (!candidate && descriptor.fallbackMatchAllowed()) {
			ActorDeclaration declaration = this.declarations.get(holder.getBeanName());
			if (declaration != null && wouldMatchButForConfinement(holder, descriptor)) {
				throw new ActorConfinementException(declaration.beanName(), declaration.actorName(),
						describe(descriptor));
			}
		}
		return candidate;
	}

	private boolean wouldMatchButForConfinement(BeanDefinitionHolder holder, DependencyDescriptor descriptor) {
		if (!(holder.getBeanDefinition() instanceof RootBeanDefinition definition)
				|| definition.isAutowireCandidate()) {
			return false;
		}
		RootBeanDefinition unconfined = new RootBeanDefinition(definition);
		unconfined.setAutowireCandidate(true);
		return this.delegate.isAutowireCandidate(
				new BeanDefinitionHolder(unconfined, holder.getBeanName(), holder.getAliases()), descriptor);
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
	public boolean isRequired(DependencyDescriptor descriptor) {
		return this.delegate.isRequired(descriptor);
	}

	@Override
	public boolean hasQualifier(DependencyDescriptor descriptor) {
		return this.delegate.hasQualifier(descriptor);
	}

	@Override
	public @Nullable String getSuggestedName(DependencyDescriptor descriptor) {
		return this.delegate.getSuggestedName(descriptor);
	}

	@Override
	public @Nullable Object getSuggestedValue(DependencyDescriptor descriptor) {
		return this.delegate.getSuggestedValue(descriptor);
	}

	@Override
	public @Nullable Object getLazyResolutionProxyIfNecessary(DependencyDescriptor descriptor,
			@Nullable String beanName) {
		return this.delegate.getLazyResolutionProxyIfNecessary(descriptor, beanName);
	}

	@Override
	public @Nullable Class<?> getLazyResolutionProxyClass(DependencyDescriptor descriptor, @Nullable String beanName) {
		return this.delegate.getLazyResolutionProxyClass(descriptor, beanName);
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		// a clone of the wrapped resolver (cloneIfNecessary) gets the bean factory here
		if (this.delegate instanceof BeanFactoryAware aware) {
			aware.setBeanFactory(beanFactory);
		}
	}

	@Override
	public AutowireCandidateResolver cloneIfNecessary() {
		return new ConfinementReportingAutowireCandidateResolver(this.delegate.cloneIfNecessary(), this.declarations);
	}

}
