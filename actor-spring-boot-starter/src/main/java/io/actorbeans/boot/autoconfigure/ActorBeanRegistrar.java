package io.actorbeans.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.actorbeans.ActorRef;
import io.actorbeans.Dispatcher;
import io.actorbeans.FailurePolicy;
import io.actorbeans.SpawnOptions;
import io.actorbeans.boot.Actor;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanNameAware;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.type.MethodMetadata;

/**
 * Finds the {@link Actor @Actor} beans among the bean definitions, registers an
 * {@link ActorRef} bean for each singleton actor, and confines the actor beans to their
 * actors. Called by the container, on the thread that refreshes the context.
 */
final class ActorBeanRegistrar implements BeanDefinitionRegistryPostProcessor, BeanNameAware {

	/*-
	 * Runs once the configuration classes have been parsed, so that it sees every scanned
	 * component and every @Bean method. For a singleton actor bean "positives" it registers
	 * "positivesActorRef", an ActorRef bean qualified "positives" (the actor's name), made by the
	 * factory method ActorSpawner.spawn("positives"): the actor starts when that bean is created,
	 * eagerly like any singleton, and the behaviour bean is created then, with its dependencies.
	 * The declarations bean is made by this registrar's declarations() method.
	 *
	 * Every definition it registers is a factory bean, a factory method and plain arguments, which
	 * ahead-of-time processing turns into code. The generated context runs this registrar again,
	 * on the generated definitions: it finds the @Actor beans the same way (the bean type, else
	 * the annotations of the factory method that the generated instance supplier names), and
	 * registers nothing that is already there.
	 *
	 * Confinement: each actor bean's definition is marked as no autowire candidate, a flag that
	 * ahead-of-time processing keeps, so that no bean is injected with it whatever the context's
	 * autowire candidate resolver. The resolver is then wrapped, so that an injection point that
	 * only an actor bean could satisfy fails with an ActorConfinementException that says what to
	 * inject instead, rather than with a bare "no qualifying bean". A lookup (getBean) finds the bean
	 * whatever its flags: ConfinementGuardPostProcessor hands it out behind a guard.
	 */

	/** The name of the {@link ActorSpawner} bean of {@link ActorAutoConfiguration}. */
	static final String SPAWNER_BEAN_NAME = "actorSpawner";

	private final Map<String, ActorDeclaration> declarations = new LinkedHashMap<>();

	/**
	 * Its bean name, the factory bean of the declarations: the name of its @Bean method.
	 */
	private String beanName = "actorBeanRegistrar";

	@Override
	public void setBeanName(String name) {
		this.beanName = name;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		if (!(registry instanceof ConfigurableListableBeanFactory beanFactory)) {
			throw new IllegalStateException("Cannot find the @Actor beans: the bean definition registry "
					+ registry.getClass().getName() + " is not a ConfigurableListableBeanFactory");
		}
		this.declarations.putAll(findActorBeans(beanFactory));
		boolean processedAheadOfTime = registry.containsBeanDefinition(ActorDeclarations.BEAN_NAME);
		for (ActorDeclaration declaration : this.declarations.values()) {
			registry.getBeanDefinition(declaration.beanName()).setAutowireCandidate(false);
			if (!declaration.prototype() && !processedAheadOfTime) {
				registry.registerBeanDefinition(declaration.refBeanName(), refDefinition(declaration));
			}
		}
		// the merged definitions read while finding the actors predate the flags
		beanFactory.clearMetadataCache();
		if (!processedAheadOfTime) {
			registry.registerBeanDefinition(ActorDeclarations.BEAN_NAME, declarationsDefinition());
		}
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (beanFactory instanceof DefaultListableBeanFactory listable && !this.declarations.isEmpty()) {
			listable.setAutowireCandidateResolver(new ConfinementReportingAutowireCandidateResolver(
					listable.getAutowireCandidateResolver(), Map.copyOf(this.declarations)));
		}
	}

	/**
	 * The declaration of an actor bean.
	 * @param beanName a bean's name
	 * @return its declaration, or {@code null} if it is no actor bean
	 */
	@Nullable ActorDeclaration declarationOf(String beanName) {
		return this.declarations.get(beanName);
	}

	/**
	 * The declarations found: the factory method of the {@link ActorDeclarations} bean.
	 * @return the declarations
	 */
	ActorDeclarations declarations() {
		return new ActorDeclarations(this.declarations.values());
	}

	/**
	 * The {@code @Actor} beans of a bean factory, from their definitions: each bean's
	 * type, else the method that makes it (a {@code @Bean} method, or the factory method
	 * of a definition generated ahead of time).
	 * @param beanFactory the bean factory
	 * @return the declarations, by bean name, in the order of the definitions
	 */
	static Map<String, ActorDeclaration> findActorBeans(ConfigurableListableBeanFactory beanFactory) {
		Map<String, ActorDeclaration> found = new LinkedHashMap<>();
		for (String name : beanFactory.getBeanDefinitionNames()) {
			BeanDefinition definition = beanFactory.getBeanDefinition(name);
			Actor actor = findActorAnnotation(beanFactory, name, definition);
			if (actor != null) {
				found.put(name, declare(name, definition, actor));
			}
		}
		return found;
	}

	private static @Nullable Actor findActorAnnotation(ConfigurableListableBeanFactory beanFactory, String name,
			BeanDefinition definition) {
		if (definition.isAbstract()) {
			return null;
		}
		if (definition instanceof AnnotatedBeanDefinition annotated) {
			// a @Bean method as parsed: exact, even when the method is overloaded
			MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
			if (factoryMethod != null) {
				MergedAnnotation<Actor> actor = factoryMethod.getAnnotations().get(Actor.class);
				if (actor.isPresent()) {
					return actor.synthesize();
				}
			}
		}
		return beanFactory.findAnnotationOnBean(name, Actor.class, false);
	}

	private static ActorDeclaration declare(String beanName, BeanDefinition definition, Actor actor) {
		String scope = definition.getScope();
		boolean prototype = BeanDefinition.SCOPE_PROTOTYPE.equals(scope);
		if (!prototype && scope != null && !scope.isEmpty() && !BeanDefinition.SCOPE_SINGLETON.equals(scope)) {
			throw new IllegalStateException("Invalid @Actor bean '" + beanName + "': its scope is '" + scope
					+ "'; an actor bean is a singleton (spawned at startup) or a prototype (spawned by ActorFactory)");
		}
		SpawnOptions options = SpawnOptions.defaults();
		Dispatcher dispatcher = single(beanName, "dispatcher", actor.dispatcher());
		if (dispatcher != null) {
			options = options.withDispatcher(dispatcher);
		}
		int capacity = actor.mailboxCapacity();
		if (capacity < -1) {
			throw new IllegalStateException("Invalid @Actor bean '" + beanName + "': mailboxCapacity " + capacity
					+ " must be 0 (unbounded) or more, or -1 for the default");
		}
		if (capacity >= 0) {
			options = options.withMailboxCapacity(capacity);
		}
		FailurePolicy policy = single(beanName, "failurePolicy", actor.failurePolicy());
		if (policy != null) {
			options = options.withFailurePolicy(policy);
		}
		if (policy == FailurePolicy.RESTART && !prototype) {
			throw new IllegalStateException("Invalid @Actor bean '" + beanName
					+ "': failure policy RESTART makes a fresh bean at each restart, so the bean must be "
					+ "prototype-scoped (@Scope(\"prototype\")); or choose RESUME or STOP");
		}
		String name = actor.name();
		return new ActorDeclaration(beanName, name.isEmpty() ? beanName : name, options, prototype);
	}

	private static <E> @Nullable E single(String beanName, String attribute, E[] values) {
		if (values.length > 1) {
			throw new IllegalStateException("Invalid @Actor bean '" + beanName + "': " + attribute
					+ " takes at most one value, not " + values.length);
		}
		return (values.length == 1) ? values[0] : null;
	}

	private static RootBeanDefinition refDefinition(ActorDeclaration declaration) {
		RootBeanDefinition definition = new RootBeanDefinition(ActorRef.class);
		definition.setFactoryBeanName(SPAWNER_BEAN_NAME);
		definition.setFactoryMethodName("spawn");
		definition.getConstructorArgumentValues().addIndexedArgumentValue(0, declaration.beanName());
		definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, declaration.actorName()));
		// spawned at startup even when the application initializes beans lazily
		definition.setLazyInit(false);
		definition.setDescription(
				"The ActorRef of actor '" + declaration.actorName() + "' (bean '" + declaration.beanName() + "')");
		return definition;
	}

	private RootBeanDefinition declarationsDefinition() {
		RootBeanDefinition definition = new RootBeanDefinition(ActorDeclarations.class);
		definition.setFactoryBeanName(this.beanName);
		definition.setFactoryMethodName("declarations");
		definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
		return definition;
	}

}
