package io.actorbeans.boot.autoconfigure;

import java.lang.reflect.Method;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanInitializationException;

/**
 * Thrown while the application starts when a
 * {@link io.actorbeans.boot.Periodic @Periodic} method of an actor bean breaks a rule: it
 * is not a {@code @Handles} method, its message class cannot be instantiated as a tick,
 * or its interval does not resolve to a positive duration. Its message names the bean,
 * the class, the method and the rule.
 * <p>
 * Immutable; thread-safe.
 *
 * @since 0.1.0
 */
public class InvalidPeriodicMethodException extends BeanInitializationException {

	private static final long serialVersionUID = 1L;

	private final String beanName;

	private final String method;

	/**
	 * Create an exception.
	 * @param beanName the name of the actor bean
	 * @param beanClass the bean's class, the one that was scanned
	 * @param method the {@code @Periodic} method
	 * @param rule the rule it breaks, and how
	 * @param cause what made the rule fail, if anything
	 */
	public InvalidPeriodicMethodException(String beanName, Class<?> beanClass, Method method, String rule,
			@Nullable Throwable cause) {
		super("Invalid @Periodic method '" + signature(method) + "' on " + describe(beanClass, method)
				+ " (actor bean '" + beanName + "'): " + rule, cause);
		this.beanName = beanName;
		this.method = method.toGenericString();
	}

	/**
	 * The actor bean whose method is invalid.
	 * @return its bean name
	 */
	public String getBeanName() {
		return this.beanName;
	}

	/**
	 * The invalid method, as {@link Method#toGenericString()} gives it.
	 * @return the method
	 */
	public String getMethod() {
		return this.method;
	}

	private static String describe(Class<?> beanClass, Method method) {
		Class<?> declaringClass = method.getDeclaringClass();
		return (declaringClass != beanClass) ? beanClass.getName() + " (declared in " + declaringClass.getName() + ")"
				: beanClass.getName();
	}

	/** The method's name and simple parameter types: {@code onFlush(Flush)}. */
	static String signature(Method method) {
		StringJoiner joiner = new StringJoiner(", ", method.getName() + "(", ")");
		for (Class<?> parameter : method.getParameterTypes()) {
			joiner.add(simpleName(parameter));
		}
		return joiner.toString();
	}

	static String simpleName(Class<?> type) {
		if (type.isArray()) {
			return simpleName(type.getComponentType()) + "[]";
		}
		String simpleName = type.getSimpleName();
		return simpleName.isEmpty() ? type.getName().substring(type.getName().lastIndexOf('.') + 1) : simpleName;
	}

}
