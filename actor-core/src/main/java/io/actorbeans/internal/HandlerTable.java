package io.actorbeans.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

import io.actorbeans.Handles;
import io.actorbeans.InvalidBehaviorException;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Handles @Handles} methods of one behaviour class, validated, with a dispatch
 * cache per concrete message class.
 */
final class HandlerTable {

	/*-
	 * Overview:
	 *
	 * Building (once per behaviour class, cached in a ClassValue). The class and its superclasses, up
	 * to but excluding Object, are scanned from the most derived up, with their declared methods in a
	 * fixed order (name, then parameter types) so that errors do not depend on reflection's order.
	 * Synthetic and bridge methods are not handlers. An annotated method is skipped when a method of
	 * an already scanned subclass overrides it and is itself annotated (javac copies annotations to
	 * bridge methods, so a generic override counts): that subclass registered the handler. If only
	 * the parent's declaration is annotated, the parent's method is the handler, and its handle
	 * dispatches virtually to the override. Each remaining method is validated and adapted by
	 * Handler.of. Two handlers for one message class in one class are an error; across classes the
	 * subclass's wins, because it was registered first (putIfAbsent). The result is an immutable
	 * map from message class to handler.
	 *
	 * Lookup (find). The answer depends only on the message class, so it is computed once per
	 * concrete message class and cached in a ConcurrentHashMap; a plain get() comes first because
	 * computeIfAbsent may lock a bin even on a hit. Misses are cached as the MISS sentinel, and an
	 * ambiguity as an Ambiguity that find() turns into an exception each time. Resolution, most
	 * specific first:
	 *   1. the message class and its superclasses, excluding Object: the nearest with a handler;
	 *   2. all interfaces of those classes, transitively: the handlers among them, less those for a
	 *      supertype of another; exactly one wins, several are ambiguous;
	 *   3. the handler of Object, the "other message" fallback;
	 *   4. none.
	 */

	private static final ClassValue<HandlerTable> TABLES = new ClassValue<>() {

		@Override
		protected HandlerTable computeValue(Class<?> type) {
			return new HandlerTable(type);
		}

	};

	private static final Comparator<Method> DECLARATION_ORDER = Comparator.comparing(Method::getName)
		.thenComparing((method) -> Arrays.toString(method.getParameterTypes()));

	/** The cached answer for a message class that no handler takes. */
	private static final Object MISS = new Object();

	private final Class<?> behaviorClass;

	private final Map<Class<?>, Handler> handlers;

	/** Message class to Handler, MISS or Ambiguity. */
	private final ConcurrentHashMap<Class<?>, Object> cache = new ConcurrentHashMap<>();

	/**
	 * Build the table of a class, with an empty cache; {@link #of(Class)} gives the one
	 * the runtime shares.
	 * @param behaviorClass the class of a behaviour object
	 * @throws InvalidBehaviorException if its handlers are invalid
	 */
	HandlerTable(Class<?> behaviorClass) {
		this.behaviorClass = behaviorClass;
		this.handlers = scan(behaviorClass);
	}

	/**
	 * The table of a class, built once and cached. Thread-safe.
	 * @param behaviorClass the class of a behaviour object
	 * @return its table, empty if it has no handlers
	 * @throws InvalidBehaviorException if its handlers are invalid; the message names the
	 * class, the method and the rule
	 */
	static HandlerTable of(Class<?> behaviorClass) {
		return TABLES.get(behaviorClass);
	}

	/**
	 * The most specific handler for a message class. Thread-safe.
	 * @param messageClass the concrete class of a message
	 * @return the handler, or {@code null} if none takes it
	 * @throws IllegalStateException if handlers for several unrelated interfaces of the
	 * message class match and none for a class does
	 */
	@Nullable Handler find(Class<?> messageClass) {
		if (this.handlers.isEmpty()) {
			return null;
		}
		Object found = this.cache.get(messageClass);
		if (found == null) {
			found = this.cache.computeIfAbsent(messageClass, this::resolve);
		}
		if (found instanceof Handler handler) {
			return handler;
		}
		if (found instanceof Ambiguity ambiguity) {
			throw new IllegalStateException(ambiguity.message());
		}
		return null;
	}

	/**
	 * The behaviour class of this table. Thread-safe.
	 * @return the class
	 */
	Class<?> behaviorClass() {
		return this.behaviorClass;
	}

	@Override
	public String toString() {
		return "HandlerTable of " + this.behaviorClass.getName() + " " + this.handlers.values();
	}

	private Object resolve(Class<?> messageClass) {
		for (Class<?> type = messageClass; type != null && type != Object.class; type = type.getSuperclass()) {
			Handler handler = this.handlers.get(type);
			if (handler != null) {
				return handler;
			}
		}
		Set<Class<?>> interfaces = new LinkedHashSet<>();
		for (Class<?> type = messageClass; type != null; type = type.getSuperclass()) {
			addInterfaces(type, interfaces);
		}
		List<Handler> matching = new ArrayList<>();
		for (Class<?> type : interfaces) {
			Handler handler = this.handlers.get(type);
			if (handler != null) {
				matching.add(handler);
			}
		}
		List<Handler> mostSpecific = new ArrayList<>();
		for (Handler candidate : matching) {
			if (matching.stream()
				.noneMatch((other) -> other != candidate
						&& candidate.messageType().isAssignableFrom(other.messageType()))) {
				mostSpecific.add(candidate);
			}
		}
		if (mostSpecific.size() == 1) {
			return mostSpecific.get(0);
		}
		if (mostSpecific.size() > 1) {
			return ambiguity(messageClass, mostSpecific);
		}
		Handler fallback = this.handlers.get(Object.class);
		return (fallback != null) ? fallback : MISS;
	}

	private Ambiguity ambiguity(Class<?> messageClass, List<Handler> candidates) {
		candidates.sort(Comparator.comparing((handler) -> handler.messageType().getName()));
		StringJoiner joiner = new StringJoiner(", ");
		for (Handler candidate : candidates) {
			joiner.add("'" + candidate.signature() + "' for " + candidate.messageType().getName());
		}
		return new Ambiguity("Ambiguous handlers on " + this.behaviorClass.getName() + " for message class "
				+ messageClass.getName() + ": " + joiner + " all match and none is more specific; add a handler for "
				+ messageClass.getName() + " or one of its superclasses");
	}

	private static void addInterfaces(Class<?> type, Set<Class<?>> interfaces) {
		for (Class<?> implemented : type.getInterfaces()) {
			if (interfaces.add(implemented)) {
				addInterfaces(implemented, interfaces);
			}
		}
	}

	private static Map<Class<?>, Handler> scan(Class<?> behaviorClass) {
		Map<Class<?>, Handler> handlers = new HashMap<>();
		// Methods of the classes scanned so far (subclasses of the current one) that may
		// override.
		List<Method> overriders = new ArrayList<>();
		for (Class<?> type = behaviorClass; type != null && type != Object.class; type = type.getSuperclass()) {
			Method[] methods = type.getDeclaredMethods();
			Arrays.sort(methods, DECLARATION_ORDER);
			Map<Class<?>, Handler> declared = new LinkedHashMap<>();
			for (Method method : methods) {
				if (method.isSynthetic() || method.isBridge() || !method.isAnnotationPresent(Handles.class)
						|| isOverriddenByHandler(method, overriders)) {
					continue;
				}
				Handler handler = Handler.of(behaviorClass, method);
				Handler other = declared.putIfAbsent(handler.messageType(), handler);
				if (other != null) {
					throw Handler.invalid(behaviorClass, method,
							"'" + other.signature() + "' handles " + handler.messageType().getName()
									+ " too; a class declares at most one handler per message class");
				}
			}
			declared.forEach(handlers::putIfAbsent);
			for (Method method : methods) {
				int modifiers = method.getModifiers();
				if (!Modifier.isStatic(modifiers) && !Modifier.isPrivate(modifiers)) {
					overriders.add(method);
				}
			}
		}
		return Map.copyOf(handlers);
	}

	private static boolean isOverriddenByHandler(Method method, List<Method> overriders) {
		for (Method overrider : overriders) {
			if (overrider.isAnnotationPresent(Handles.class) && overrides(overrider, method)) {
				return true;
			}
		}
		return false;
	}

	/** Whether a method of a subclass overrides a method of one of its superclasses. */
	private static boolean overrides(Method overrider, Method method) {
		int modifiers = method.getModifiers();
		if (Modifier.isStatic(modifiers) || Modifier.isPrivate(modifiers)
				|| !overrider.getName().equals(method.getName())
				|| !Arrays.equals(overrider.getParameterTypes(), method.getParameterTypes())) {
			return false;
		}
		if (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers)) {
			return true;
		}
		// Package-private: only from the same runtime package.
		Class<?> sub = overrider.getDeclaringClass();
		Class<?> sup = method.getDeclaringClass();
		return sub.getClassLoader() == sup.getClassLoader() && sub.getPackageName().equals(sup.getPackageName());
	}

	/** The cached answer for a message class that several handlers take equally. */
	private record Ambiguity(String message) {
	}

}
