package io.actorbeans.boot.autoconfigure;

import java.lang.reflect.Method;
import java.util.Map;

import org.springframework.context.ApplicationListener;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Refuses actor beans whose methods Spring would call behind the actor's back: the
 * listener, scheduling and asynchronous annotations of Spring and its messaging projects
 * (found by name, so that none of them need be on the class path), and
 * {@link ApplicationListener}. Called while the application starts, before any actor
 * runs.
 */
final class SpringCallbacks {

	private static final String LISTEN_FOR_EVENTS = "listen on another bean and send the event to the actor's ActorRef";

	private static final String LISTEN_FOR_MESSAGES = "listen on another bean and send each message to the actor's "
			+ "ActorRef";

	private static final String USE_PERIODIC = "use @Periodic on a @Handles method, which ticks through the mailbox";

	/** Each annotation, meta-annotations included, and what to do instead. */
	private static final Map<String, String> ANNOTATIONS = Map.of("org.springframework.context.event.EventListener",
			LISTEN_FOR_EVENTS, "org.springframework.scheduling.annotation.Scheduled", USE_PERIODIC,
			"org.springframework.scheduling.annotation.Schedules", USE_PERIODIC,
			"org.springframework.scheduling.annotation.Async",
			"an actor's handlers already run off the caller's thread; remove @Async, or return a CompletionStage",
			"org.springframework.jms.annotation.JmsListener", LISTEN_FOR_MESSAGES,
			"org.springframework.kafka.annotation.KafkaListener", LISTEN_FOR_MESSAGES,
			"org.springframework.amqp.rabbit.annotation.RabbitListener", LISTEN_FOR_MESSAGES);

	private SpringCallbacks() {
	}

	/**
	 * Check an actor bean's class.
	 * @param beanName the bean's name
	 * @param beanType the bean's type, possibly a proxy or CGLIB subclass
	 * @throws ActorBeanCallbackException naming the first callback found
	 */
	static void requireNone(String beanName, Class<?> beanType) {
		Class<?> userClass = ClassUtils.getUserClass(beanType);
		if (ApplicationListener.class.isAssignableFrom(userClass)) {
			throw new ActorBeanCallbackException(beanName,
					"class " + userClass.getName() + " implementing " + ApplicationListener.class.getName(),
					LISTEN_FOR_EVENTS);
		}
		MergedAnnotations onClass = MergedAnnotations.from(userClass, SearchStrategy.TYPE_HIERARCHY);
		for (Map.Entry<String, String> annotation : ANNOTATIONS.entrySet()) {
			if (onClass.isPresent(annotation.getKey())) {
				throw new ActorBeanCallbackException(beanName,
						"class " + userClass.getName() + " annotated @" + simpleName(annotation.getKey()),
						annotation.getValue());
			}
		}
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(userClass,
				ReflectionUtils.USER_DECLARED_METHODS)) {
			MergedAnnotations onMethod = MergedAnnotations.from(method, SearchStrategy.TYPE_HIERARCHY);
			for (Map.Entry<String, String> annotation : ANNOTATIONS.entrySet()) {
				if (onMethod.isPresent(annotation.getKey())) {
					throw new ActorBeanCallbackException(beanName, "method '" + method.getDeclaringClass().getName()
							+ "." + method.getName() + "' annotated @" + simpleName(annotation.getKey()),
							annotation.getValue());
				}
			}
		}
	}

	private static String simpleName(String annotation) {
		return annotation.substring(annotation.lastIndexOf('.') + 1);
	}

}
