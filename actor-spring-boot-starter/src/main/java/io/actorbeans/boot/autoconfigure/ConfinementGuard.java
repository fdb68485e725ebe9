package io.actorbeans.boot.autoconfigure;

import java.lang.reflect.Method;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.AopProxyUtils;

/**
 * The advice of the proxy that the container hands out for an actor bean: it refuses
 * every call but {@code Object}'s, which the bean's actor alone may make. Called on any
 * thread; immutable.
 */
final class ConfinementGuard implements MethodInterceptor {

	private final ActorDeclaration declaration;

	ConfinementGuard(ActorDeclaration declaration) {
		this.declaration = declaration;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Method method = invocation.getMethod();
		if (method.getDeclaringClass() == Object.class) {
			return invocation.proceed();
		}
		throw new ActorConfinementException(this.declaration.beanName(), this.declaration.actorName(), method);
	}

	/**
	 * The bean behind a guard, to spawn its actor with.
	 * @param bean a bean as the container hands it out
	 * @return the bean the guard wraps, else the bean itself
	 */
	static Object unwrap(Object bean) {
		if (bean instanceof Advised advised && advised.getAdvisorCount() == 1
				&& advised.getAdvisors()[0].getAdvice() instanceof ConfinementGuard) {
			Object target = AopProxyUtils.getSingletonTarget(bean);
			if (target != null) {
				return target;
			}
		}
		return bean;
	}

}
