package io.actorbeans.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.actorbeans.ActorRef;
import io.actorbeans.Dispatcher;
import io.actorbeans.FailurePolicy;
import io.actorbeans.SpawnOptions;
import io.actorbeans.boot.Actor;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ContextAnnotationAutowireCandidateResolver;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.type.MethodMetadata;

/**
 * Finds the {@link Actor @Actor} beans among the bean definitions, registers an
 * {@link ActorRef} bean for each singleton actor, and confines the actor beans to their
 * actors.
 */
final class ActorBeanRegistrar implements BeanDefinitionRegistryPostProcessor {

	/*-
	 * Runs once the configuration classes have been parsed, so that it sees every scanned
	 * component and every @Bean method. For a singleton actor bean "positives" it registers
	 * "positivesActorRef", an ActorRef bean qualified "positives" (the actor's name) whose
	 * instance is made by spawning the actor: the actor starts when that bean is created,
	 * eagerly like any singleton, and the behaviour bean is created then, with its dependencies.
	 */

	private final Map<String, ActorDeclaration> declarations = new LinkedHashMap<>();

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		for (String beanName : registry.getBeanDefinitionNames()) {
			BeanDefinition definition = registry.getBeanDefinition(beanName);
			MergedAnnotation<Actor> actor = findActorAnnotation(definition);
			if (actor.isPresent()) {
				this.declarations.put(beanName, declare(beanName, definition, actor));
			}
		}
		for (ActorDeclaration declaration : this.declarations.values()) {
			if (!declaration.prototype()) {
				registry.registerBeanDefinition(declaration.refBeanName(), refDefinition(registry, declaration));
			}
		}
		RootBeanDefinition declarationsBean = new RootBeanDefinition(ActorDeclarations.class,
				() -> new ActorDeclarations(this.declarations.values()));
		declarationsBean.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
		registry.registerBeanDefinition(ActorDeclarations.BEAN_NAME, declarationsBean);
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (beanFactory instanceof DefaultListableBeanFactory listable && !this.declarations.isEmpty()) {
			if (listable.getAutowireCandidateResolver()
				.getClass() == ContextAnnotationAutowireCandidateResolver.class) {
				listable.setAutowireCandidateResolver(new ActorConfiningAutowireCandidateResolver(this.declarations));
			}
		}
	}

	private static MergedAnnotation<Actor> findActorAnnotation(BeanDefinition definition) {
		if (definition instanceof AnnotatedBeanDefinition annotated) {
			MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
			if (factoryMethod != null) {
				return factoryMethod.getAnnotations().get(Actor.class);
			}
			return annotated.getMetadata().getAnnotations().get(Actor.class);
		}
		if (definition instanceof AbstractBeanDefinition abstractDefinition && abstractDefinition.hasBeanClass()) {
			return MergedAnnotations
				.from(abstractDefinition.getBeanClass(), MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
				.get(Actor.class);
		}
		return MergedAnnotation.missing();
	}

	private static ActorDeclaration declare(String beanName, BeanDefinition definition, MergedAnnotation<Actor> actor) {
		String scope = definition.getScope();
		boolean prototype = BeanDefinition.SCOPE_PROTOTYPE.equals(scope);
		if (!prototype && scope != null && !scope.isEmpty() && !BeanDefinition.SCOPE_SINGLETON.equals(scope)) {
			throw new IllegalStateException("Invalid @Actor bean '" + beanName + "': its scope is '" + scope
					+ "'; an actor bean is a singleton (spawned at startup) or a prototype (spawned by ActorFactory)");
		}
		String name = actor.getString("name");
		SpawnOptions options = SpawnOptions.defaults();
		Dispatcher dispatcher = single(beanName, "dispatcher", actor.getEnumArray("dispatcher", Dispatcher.class));
		if (dispatcher != null) {
			options = options.withDispatcher(dispatcher);
		}
		int capacity = actor.getInt("mailboxCapacity");
		if (capacity < -1) {
			throw new IllegalStateException("Invalid @Actor bean '" + beanName + "': mailboxCapacity " + capacity
					+ " must be 0 (unbounded) or more, or -1 for the default");
		}
		if (capacity >= 0) {
			options = options.withMailboxCapacity(capacity);
		}
		FailurePolicy policy = single(beanName, "failurePolicy",
				actor.getEnumArray("failurePolicy", FailurePolicy.class));
		if (policy != null) {
			options = options.withFailurePolicy(policy);
		}
		if (policy == FailurePolicy.RESTART && !prototype) {
			throw new IllegalStateException("Invalid @Actor bean '" + beanName
					+ "': failure policy RESTART makes a fresh bean at each restart, so the bean must be "
					+ "prototype-scoped (@Scope(\"prototype\")); or choose RESUME or STOP");
		}
		return new ActorDeclaration(beanName, name.isEmpty() ? beanName : name, options, prototype);
	}

	private static <E> @Nullable E single(String beanName, String attribute, E[] values) {
		if (values.length > 1) {
			throw new IllegalStateException("Invalid @Actor bean '" + beanName + "': " + attribute
					+ " takes at most one value, not " + values.length);
		}
		return (values.length == 1) ? values[0] : null;
	}

	private static RootBeanDefinition refDefinition(BeanDefinitionRegistry registry, ActorDeclaration declaration) {
		BeanFactory beanFactory = (BeanFactory) registry;
		RootBeanDefinition definition = new RootBeanDefinition(ActorRef.class,
				() -> beanFactory.getBean(ActorSpawner.class).spawn(declaration));
		definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, declaration.actorName()));
		// spawned at startup even when the application initializes beans lazily
		definition.setLazyInit(false);
		definition.setDescription(
				"The ActorRef of actor '" + declaration.actorName() + "' (bean '" + declaration.beanName() + "')");
		return definition;
	}

}
