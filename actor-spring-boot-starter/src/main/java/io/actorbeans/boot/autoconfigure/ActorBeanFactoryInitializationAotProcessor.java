package io.actorbeans.boot.autoconfigure;

import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.Set;

import io.actorbeans.Handles;
import io.actorbeans.boot.Periodic;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Registers the reflection hints that the actors of {@code @Actor} beans need in a native
 * image: their {@code @Handles} methods, and the tick classes of their {@code @Periodic}
 * methods. Registered in {@code META-INF/spring/aot.factories}; called by Spring's
 * ahead-of-time processing, on the build's thread.
 */
final class ActorBeanFactoryInitializationAotProcessor implements BeanFactoryInitializationAotProcessor {

	/*-
	 * An actor's handler table is built by reflection (getDeclaredMethods on the class and its
	 * superclasses, then MethodHandles), which a native image answers only for the members it
	 * was told about: without these hints the table comes out empty and every message becomes a
	 * dead letter. The classes are the bean types as the bean factory predicts them; a @Bean
	 * method that declares a supertype hides its subclass's handlers, as it hides its
	 * @Scheduled methods. The tick of a @Periodic handler is made once, by its class's no-arg
	 * constructor or, for an enum, from its constants.
	 */

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		Set<Class<?>> actorTypes = new LinkedHashSet<>();
		for (String beanName : ActorBeanRegistrar.findActorBeans(beanFactory).keySet()) {
			Class<?> type = beanFactory.getType(beanName, false);
			if (type != null) {
				actorTypes.add(ClassUtils.getUserClass(type));
			}
		}
		if (actorTypes.isEmpty()) {
			return null;
		}
		return (generationContext, code) -> {
			ReflectionHints reflection = generationContext.getRuntimeHints().reflection();
			actorTypes.forEach((type) -> registerHandlers(reflection, type));
		};
	}

	private static void registerHandlers(ReflectionHints reflection, Class<?> actorType) {
		for (Class<?> type = actorType; type != null && type != Object.class; type = type.getSuperclass()) {
			for (Method method : type.getDeclaredMethods()) {
				Handles handles = method.getAnnotation(Handles.class);
				if (handles == null || method.isSynthetic() || method.isBridge()) {
					continue;
				}
				reflection.registerMethod(method, ExecutableMode.INVOKE);
				if (AnnotatedElementUtils.hasAnnotation(method, Periodic.class)) {
					Class<?> tickClass = PeriodicTicks.messageClass(method, handles);
					if (tickClass != null) {
						registerTick(reflection, tickClass);
					}
				}
			}
		}
	}

	private static void registerTick(ReflectionHints reflection, Class<?> tickClass) {
		if (tickClass.isEnum()) {
			Method values = ReflectionUtils.findMethod(tickClass, "values");
			if (values != null) {
				reflection.registerMethod(values, ExecutableMode.INVOKE);
			}
		}
		else {
			reflection.registerType(tickClass, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
		}
	}

}
