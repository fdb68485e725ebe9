package io.actorbeans.boot.autoconfigure;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.actorbeans.ActorException;
import io.actorbeans.ActorRef;
import io.actorbeans.ActorSystem;
import io.actorbeans.BehaviorFactory;
import io.actorbeans.Handles;
import io.actorbeans.SpawnOptions;
import io.actorbeans.boot.ActorBeans;
import io.actorbeans.boot.ActorFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * Spawns the actors of {@code @Actor} beans: singletons when their {@link ActorRef} bean
 * is created, prototypes on demand for the {@link ActorFactory}. Thread-safe.
 */
final class ActorSpawner {

	/*-
	 * The behaviour given to the actor is the bean as the container made it: if Spring proxied it
	 * (@Transactional, @Validated, any advice), the proxy. Actor handler tables are built from the
	 * proxy's class, whose superclass is the bean's class, so the handlers are found there and
	 * invoked through the proxy, advice included. That only works for methods a class-based proxy
	 * can override: a private or final handler would run on the proxy object itself, not on the
	 * target bean, so it is rejected at startup, as is an interface-based (JDK) proxy.
	 *
	 * The @Periodic timers of a singleton are read from the class of its bean instance when it is
	 * spawned, at startup. A prototype's are read from its bean type when the spawner is made, also at
	 * startup, so that an invalid one fails the startup rather than the first spawn on demand.
	 */

	private final ActorSystem system;

	private final ConfigurableListableBeanFactory beanFactory;

	private final ActorDeclarations declarations;

	private final ActorBeans actorBeans;

	private final PeriodicTicks periodicTicks;

	private final Map<String, SpawnOptions> prototypeOptions = new HashMap<>();

	ActorSpawner(ActorSystem system, ConfigurableListableBeanFactory beanFactory, ActorDeclarations declarations,
			ActorBeans actorBeans, PeriodicTicks periodicTicks) {
		this.system = system;
		this.beanFactory = beanFactory;
		this.declarations = declarations;
		this.actorBeans = actorBeans;
		this.periodicTicks = periodicTicks;
		for (ActorDeclaration declaration : declarations.all()) {
			Class<?> type = beanFactory.getType(declaration.beanName(), false);
			if (type != null) {
				SpringCallbacks.requireNone(declaration.beanName(), type);
			}
			if (declaration.prototype()) {
				this.prototypeOptions.put(declaration.beanName(),
						(type != null) ? periodicTicks.apply(declaration.beanName(), ClassUtils.getUserClass(type),
								declaration.options()) : declaration.options());
			}
		}
	}

	/**
	 * Spawn the actor of a singleton actor bean: the factory method of its
	 * {@link ActorRef} bean.
	 */
	ActorRef spawn(String beanName) {
		ActorDeclaration declaration = this.declarations.forBean(beanName);
		if (declaration == null || declaration.prototype()) {
			throw new IllegalArgumentException("Cannot spawn the actor of bean '" + beanName
					+ "': it is not a singleton @Actor bean of this context");
		}
		Object bean = ConfinementGuard.unwrap(this.beanFactory.getBean(declaration.beanName()));
		checkProxy(declaration.beanName(), bean);
		SpawnOptions options = this.periodicTicks.apply(declaration.beanName(),
				ClassUtils.getUserClass(AopUtils.getTargetClass(bean)), declaration.options());
		try {
			ActorRef ref = this.system.spawn(declaration.actorName(), bean, options);
			this.actorBeans.registerSingleton(ref.name(), declaration.beanName());
			return ref;
		}
		catch (ActorException ex) {
			throw new BeanCreationException(declaration.beanName(),
					"Cannot spawn actor '" + declaration.actorName() + "' of bean '" + declaration.beanName() + "' ("
							+ ClassUtils.getUserClass(bean).getName() + "): " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * Spawn an actor from a new instance of a prototype actor bean: the
	 * {@link ActorFactory}.
	 */
	ActorRef spawnPrototype(Class<?> type, String name) {
		return spawnPrototypeBean(prototypeOf(type), name);
	}

	/**
	 * Spawn an actor from a new instance of the prototype actor bean of a name: the
	 * activations of entities.
	 */
	ActorRef spawnPrototypeBean(String beanName, String name) {
		ActorDeclaration declaration = this.declarations.forBean(beanName);
		if (declaration == null || !declaration.prototype()) {
			throw new IllegalArgumentException("Cannot spawn actor '" + name + "' of bean '" + beanName
					+ "': it is not a prototype-scoped @Actor bean of this context");
		}
		return spawnPrototypeBean(declaration, name);
	}

	private ActorRef spawnPrototypeBean(ActorDeclaration declaration, String name) {
		String beanName = declaration.beanName();
		ActorRef ref = this.system.spawn(name, new BehaviorFactory() {

			@Override
			public Object create() {
				Object bean = ConfinementGuard.unwrap(ActorSpawner.this.beanFactory.getBean(beanName));
				checkProxy(beanName, bean);
				return bean;
			}

			@Override
			public void destroy(Object behavior) {
				ActorSpawner.this.beanFactory.destroyBean(beanName, behavior);
			}

		}, this.prototypeOptions.getOrDefault(beanName, declaration.options()));
		this.actorBeans.registerPrototype(ref.name(), beanName);
		return ref;
	}

	private ActorDeclaration prototypeOf(Class<?> type) {
		List<ActorDeclaration> matching = new ArrayList<>();
		for (String beanName : this.beanFactory.getBeanNamesForType(type, true, false)) {
			ActorDeclaration declaration = this.declarations.forBean(beanName);
			if (declaration != null && declaration.prototype()) {
				matching.add(declaration);
			}
		}
		if (matching.size() != 1) {
			throw new IllegalArgumentException("Cannot spawn an actor of type " + type.getName() + ": "
					+ (matching.isEmpty() ? "no prototype-scoped @Actor bean has that type"
							: "several prototype-scoped @Actor beans have that type: "
									+ matching.stream().map(ActorDeclaration::beanName).toList()));
		}
		return matching.get(0);
	}

	private static void checkProxy(String beanName, Object bean) {
		if (!AopUtils.isAopProxy(bean)) {
			return;
		}
		if (AopUtils.isJdkDynamicProxy(bean)) {
			throw new BeanCreationException(beanName,
					"Actor bean '" + beanName
							+ "' is an interface-based (JDK) proxy, whose class has no @Handles methods; "
							+ "proxy it by class instead (spring.aop.proxy-target-class=true, the default)");
		}
		Class<?> targetClass = AopUtils.getTargetClass(bean);
		Map<Method, Handles> handlers = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<Handles>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, Handles.class));
		for (Method method : handlers.keySet()) {
			int modifiers = method.getModifiers();
			if (Modifier.isPrivate(modifiers) || Modifier.isFinal(modifiers)) {
				throw new BeanCreationException(beanName,
						"Actor bean '" + beanName + "' is proxied by Spring (for @Transactional, @Validated or "
								+ "other advice), but its handler '" + method.toGenericString() + "' is "
								+ (Modifier.isPrivate(modifiers) ? "private" : "final")
								+ ", so the proxy cannot pass it on to the bean: make it package-private, protected or "
								+ "public, and not final");
			}
		}
	}

}
