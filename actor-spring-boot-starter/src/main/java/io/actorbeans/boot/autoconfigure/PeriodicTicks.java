package io.actorbeans.boot.autoconfigure;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.actorbeans.Handles;
import io.actorbeans.SpawnOptions;
import io.actorbeans.SpawnOptions.PeriodicTimer;
import io.actorbeans.boot.Periodic;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The periodic timers that the {@link Periodic @Periodic} methods of an actor bean's
 * class declare, validated, resolved and cached per class. Thread-safe.
 */
final class PeriodicTicks {

	/*-
	 * Mirrors ScheduledAnnotationBeanPostProcessor: one scan per class with MethodIntrospector and
	 * AnnotatedElementUtils (meta-annotations and inherited methods included), classes without
	 * @Periodic methods remembered in nonAnnotatedClasses. A class's timers are cached once valid,
	 * with their tick instances, so that all the prototype actors of one class share one tick
	 * object per method; an invalid class is not cached, so each bean of it fails under its own
	 * name. The key of each timer is the handler's message class: a class has at most one handler
	 * per message class, so the keys of one actor are distinct, and a handler can name the key
	 * without holding the tick.
	 */

	private static final String MESSAGE_RULE = "the tick, made once at startup, is an instance of the handler's "
			+ "message class: an enum with exactly one constant, or a concrete class with a no-arg constructor";

	private static final String INTERVAL_RULE = "expected a positive duration such as '500ms', '5s', 'PT1M' or "
			+ "a number of milliseconds";

	private static final Comparator<Method> BY_SIGNATURE = Comparator.comparing(Method::getName)
		.thenComparing(Method::toGenericString);

	private final Environment environment;

	private final Map<Class<?>, List<PeriodicTimer>> timersByClass = new ConcurrentHashMap<>();

	private final Set<Class<?>> nonAnnotatedClasses = ConcurrentHashMap.newKeySet();

	PeriodicTicks(Environment environment) {
		this.environment = environment;
	}

	/**
	 * The options with the periodic timers of the bean's class added.
	 * @param beanName the actor bean's name, for error messages
	 * @param beanClass the bean's user class (not a proxy's)
	 * @param options the options from {@code @Actor}
	 * @return the options to spawn the actor with
	 * @throws InvalidPeriodicMethodException if a {@code @Periodic} method is invalid
	 */
	SpawnOptions apply(String beanName, Class<?> beanClass, SpawnOptions options) {
		SpawnOptions result = options;
		for (PeriodicTimer timer : timersOf(beanName, beanClass)) {
			result = result.withPeriodicTimer(timer.key(), timer.message(), timer.interval());
		}
		return result;
	}

	List<PeriodicTimer> timersOf(String beanName, Class<?> beanClass) {
		if (this.nonAnnotatedClasses.contains(beanClass)) {
			return List.of();
		}
		List<PeriodicTimer> timers = this.timersByClass.get(beanClass);
		if (timers != null) {
			return timers;
		}
		timers = scan(beanName, beanClass);
		if (timers.isEmpty()) {
			this.nonAnnotatedClasses.add(beanClass);
			return timers;
		}
		List<PeriodicTimer> previous = this.timersByClass.putIfAbsent(beanClass, timers);
		return (previous != null) ? previous : timers;
	}

	private List<PeriodicTimer> scan(String beanName, Class<?> beanClass) {
		if (!AnnotationUtils.isCandidateClass(beanClass, Periodic.class)) {
			return List.of();
		}
		Map<Method, Periodic> annotated = MethodIntrospector.selectMethods(beanClass,
				(MethodIntrospector.MetadataLookup<Periodic>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, Periodic.class));
		List<Method> methods = new ArrayList<>(annotated.keySet());
		methods.sort(BY_SIGNATURE);
		List<PeriodicTimer> timers = new ArrayList<>(methods.size());
		for (Method method : methods) {
			timers.add(timer(beanName, beanClass, method, annotated.get(method)));
		}
		return List.copyOf(timers);
	}

	private PeriodicTimer timer(String beanName, Class<?> beanClass, Method method, Periodic periodic) {
		Handles handles = AnnotatedElementUtils.findMergedAnnotation(method, Handles.class);
		if (handles == null) {
			throw new InvalidPeriodicMethodException(beanName, beanClass, method,
					"only @Handles methods may be annotated with @Periodic: the tick is a message, handled by "
							+ "the handler of its class",
					null);
		}
		Class<?> messageClass = messageClass(method, handles);
		if (messageClass == null) {
			throw new InvalidPeriodicMethodException(beanName, beanClass, method,
					"it has no message class, so there is no tick to send: take the tick as the first parameter, "
							+ "or name its class with @Handles(Tick.class)",
					null);
		}
		Object tick = tick(beanName, beanClass, method, messageClass);
		Duration interval = interval(beanName, beanClass, method, periodic.interval());
		return new PeriodicTimer(messageClass, tick, interval);
	}

	/** The message class of a handler, the tick class of a {@code @Periodic} one. */
	static @Nullable Class<?> messageClass(Method method, Handles handles) {
		Class<?> type = (handles.value() != void.class) ? handles.value()
				: (method.getParameterCount() > 0) ? method.getParameterTypes()[0] : null;
		return (type != null) ? ClassUtils.resolvePrimitiveIfNecessary(type) : null;
	}

	private static Object tick(String beanName, Class<?> beanClass, Method method, Class<?> messageClass) {
		String name = messageClass.getName();
		if (messageClass.isEnum()) {
			Object[] constants = messageClass.getEnumConstants();
			if (constants.length != 1) {
				throw new InvalidPeriodicMethodException(beanName, beanClass, method, "message class " + name
						+ " is an enum with " + constants.length + " constants, not one; " + MESSAGE_RULE, null);
			}
			return constants[0];
		}
		Object singleton = singletonInstance(messageClass);
		if (singleton != null) {
			return singleton;
		}
		if (messageClass.isInterface() || messageClass.isArray() || Modifier.isAbstract(messageClass.getModifiers())) {
			throw new InvalidPeriodicMethodException(beanName, beanClass, method,
					"message class " + name + " is " + (messageClass.isInterface() ? "an interface" : "abstract")
							+ " and cannot be instantiated; " + MESSAGE_RULE,
					null);
		}
		if (ClassUtils.isInnerClass(messageClass)) {
			throw new InvalidPeriodicMethodException(beanName, beanClass, method,
					"message class " + name
							+ " is an inner class, whose constructor needs an enclosing instance; make it static; "
							+ MESSAGE_RULE,
					null);
		}
		Constructor<?> constructor;
		try {
			constructor = messageClass.getDeclaredConstructor();
		}
		catch (NoSuchMethodException ex) {
			throw new InvalidPeriodicMethodException(beanName, beanClass, method,
					"message class " + name + " has no no-arg constructor; " + MESSAGE_RULE, null);
		}
		try {
			ReflectionUtils.makeAccessible(constructor);
			return constructor.newInstance();
		}
		catch (InvocationTargetException ex) {
			throw new InvalidPeriodicMethodException(beanName, beanClass, method,
					"the no-arg constructor of message class " + name + " threw " + ex.getTargetException(),
					ex.getTargetException());
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new InvalidPeriodicMethodException(beanName, beanClass, method,
					"the no-arg constructor of message class " + name + " cannot be called (" + ex + "); "
							+ MESSAGE_RULE,
					ex);
		}
	}

	/**
	 * The instance of a singleton class, such as a Kotlin {@code object}: its
	 * {@code public static final INSTANCE} field of its own type.
	 */
	private static @Nullable Object singletonInstance(Class<?> messageClass) {
		Field field = ReflectionUtils.findField(messageClass, "INSTANCE", messageClass);
		if (field == null || field.getDeclaringClass() != messageClass) {
			return null;
		}
		int modifiers = field.getModifiers();
		if (!Modifier.isPublic(modifiers) || !Modifier.isStatic(modifiers) || !Modifier.isFinal(modifiers)) {
			return null;
		}
		// the class itself may be private, as a nested Kotlin object may be
		ReflectionUtils.makeAccessible(field);
		return ReflectionUtils.getField(field, null);
	}

	private Duration interval(String beanName, Class<?> beanClass, Method method, String value) {
		String resolved;
		try {
			resolved = this.environment.resolveRequiredPlaceholders(value).trim();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidPeriodicMethodException(beanName, beanClass, method,
					"interval '" + value + "' cannot be resolved: " + ex.getMessage()
							+ "; define the property, or give the placeholder a default such as ${name:5s}",
					ex);
		}
		String shown = resolved.equals(value) ? "'" + value + "'" : "'" + resolved + "' (from '" + value + "')";
		if (resolved.isEmpty()) {
			throw new InvalidPeriodicMethodException(beanName, beanClass, method,
					"interval " + shown + " is empty; " + INTERVAL_RULE, null);
		}
		Duration interval;
		try {
			interval = DurationStyle.detectAndParse(resolved, ChronoUnit.MILLIS);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidPeriodicMethodException(beanName, beanClass, method,
					"interval " + shown + " is not a duration; " + INTERVAL_RULE, ex);
		}
		if (interval.isZero() || interval.isNegative()) {
			throw new InvalidPeriodicMethodException(beanName, beanClass, method,
					"interval " + shown + " is not positive; " + INTERVAL_RULE, null);
		}
		return interval;
	}

}
