package io.actorbeans.boot.autoconfigure;

import java.lang.reflect.Modifier;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.config.SmartInstantiationAwareBeanPostProcessor;
import org.springframework.util.ClassUtils;

/**
 * Hands out every actor bean behind a {@link ConfinementGuard}, so that a lookup
 * ({@code getBean}, {@code getBeanProvider}) cannot call its methods outside its actor;
 * the {@link ActorSpawner} gives the actor the bean itself. Called by the container, on
 * the thread that creates the bean.
 */
final class ConfinementGuardPostProcessor implements SmartInstantiationAwareBeanPostProcessor, BeanClassLoaderAware {

	/*-
	 * Injection cannot reach an actor bean (its definition is no autowire candidate), but a lookup
	 * by type or name can: Spring returns the only bean of a type whatever its flags. The guard is
	 * a class-based proxy that refuses every method but Object's, made after every other
	 * post-processor has run (this one is not Ordered, so the container applies it after the
	 * ordered ones, the proxy creators among them), so that it wraps the bean with its advice, which
	 * the spawner unwraps for the actor. A final class cannot be subclassed: its bean is handed out
	 * as it is. determineBeanType gives the proxy class ahead of time, so that AOT processing
	 * generates it for a native image, as Spring's own proxy creators do.
	 */

	private final ActorBeanRegistrar registrar;

	private @Nullable ClassLoader classLoader = ClassUtils.getDefaultClassLoader();

	ConfinementGuardPostProcessor(ActorBeanRegistrar registrar) {
		this.registrar = registrar;
	}

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Override
	public Class<?> determineBeanType(Class<?> beanClass, String beanName) {
		ActorDeclaration declaration = this.registrar.declarationOf(beanName);
		if (declaration == null || !guardable(beanClass)) {
			return beanClass;
		}
		ProxyFactory factory = proxyFactory(declaration);
		factory.setTargetClass(beanClass);
		return factory.getProxyClass(proxyClassLoader(beanClass));
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		ActorDeclaration declaration = this.registrar.declarationOf(beanName);
		if (declaration == null || !guardable(bean.getClass())) {
			return bean;
		}
		ProxyFactory factory = proxyFactory(declaration);
		factory.setTarget(bean);
		return factory.getProxy(proxyClassLoader(bean.getClass()));
	}

	/**
	 * The class loader of the bean's class, where the proxy class can see it, even when
	 * the bean class loader is another (a test's filtering class loader).
	 */
	private @Nullable ClassLoader proxyClassLoader(Class<?> beanClass) {
		ClassLoader own = ClassUtils.getUserClass(beanClass).getClassLoader();
		return (own != null) ? own : this.classLoader;
	}

	private static boolean guardable(Class<?> beanClass) {
		return !Modifier.isFinal(beanClass.getModifiers());
	}

	private static ProxyFactory proxyFactory(ActorDeclaration declaration) {
		ProxyFactory factory = new ProxyFactory();
		factory.setProxyTargetClass(true);
		factory.addAdvice(new ConfinementGuard(declaration));
		factory.setFrozen(true);
		return factory;
	}

}
