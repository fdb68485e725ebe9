package io.actorbeans.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Objects;
import java.util.StringJoiner;

import io.actorbeans.ActorContext;
import io.actorbeans.ActorRef;
import io.actorbeans.Handles;
import io.actorbeans.InvalidBehaviorException;
import io.actorbeans.Stop;
import org.jspecify.annotations.Nullable;

/**
 * One {@link Handles @Handles} method, adapted to one fixed invocation type. Immutable,
 * thread-safe.
 */
final class Handler {

	/*-
	 * Overview:
	 *
	 * A handler method comes in many shapes: (M), (M, ActorRef), (M, ActorContext, ActorRef), () with
	 * @Handles(M.class), any return type, on a receiver of any class; a Kotlin suspend function takes
	 * a Continuation last, which is no part of its shape. So that the dispatcher needs a
	 * single call site for all of them, each method is validated and adapted once, when its table is
	 * built, to the one type INVOKER_TYPE, (Object behavior, Object message, ActorRef sender,
	 * ActorContext context)Object:
	 *
	 *   1. The method is unreflected through a private lookup in its declaring class, so private
	 *      methods and non-public classes (nested, inner, local, anonymous) are reachable. A
	 *      non-private method is unreflected with virtual dispatch, so an override in a subclass runs.
	 *   2. asType casts the receiver and the message from Object, boxes a primitive result, and turns
	 *      a void result into null.
	 *   3. permuteArguments maps each parameter of the method to its slot of INVOKER_TYPE; the slots
	 *      the method does not take are dropped.
	 *
	 * invoke() calls the result with invokeExact: no reflection, no argument array and no exception
	 * wrapping on the hot path; what the method throws propagates unchanged. A suspend function is
	 * adapted to SuspendingHandler.INVOKER_TYPE instead, whose last slot takes the continuation, and
	 * called through its SuspendingHandler.
	 */

	/**
	 * The type of every adapted handler: (behavior, message, sender, context) to result.
	 */
	static final MethodType INVOKER_TYPE = MethodType.methodType(Object.class, Object.class, Object.class,
			ActorRef.class, ActorContext.class);

	/** The rule that any parameter shape outside the ones supported breaks. */
	static final String SHAPE_RULE = "a handler takes one message, then an optional ActorRef sender"
			+ " and an optional ActorContext";

	private static final int BEHAVIOR = 0;

	private static final int MESSAGE = 1;

	private static final int SENDER = 2;

	private static final int CONTEXT = 3;

	private static final int CONTINUATION = 4;

	private final MethodHandle invoker;

	private final Method method;

	private final Class<?> messageType;

	private final boolean takesContext;

	private final String signature;

	/** The method if it suspends, else {@code null}. */
	private final @Nullable SuspendingHandler suspending;

	private Handler(MethodHandle invoker, Method method, Class<?> messageType, boolean takesContext,
			@Nullable SuspendingHandler suspending) {
		this.invoker = invoker;
		this.method = method;
		this.messageType = messageType;
		this.takesContext = takesContext;
		this.signature = signature(method);
		this.suspending = suspending;
	}

	/**
	 * Validate a {@code @Handles} method and adapt it. Thread-safe.
	 * @param behaviorClass the behaviour class whose table is being built, for error
	 * messages
	 * @param method the method, annotated with {@code @Handles}, declared by the
	 * behaviour class or one of its superclasses
	 * @return the handler
	 * @throws InvalidBehaviorException if the method cannot be a handler
	 */
	static Handler of(Class<?> behaviorClass, Method method) {
		Handles handles = method.getAnnotation(Handles.class);
		if (handles == null) {
			throw new IllegalArgumentException(method + " is not annotated with @Handles");
		}
		if (Modifier.isStatic(method.getModifiers())) {
			throw invalid(behaviorClass, method, "a handler must not be static");
		}
		Class<?>[] declared = method.getParameterTypes();
		// a Kotlin suspend function takes a continuation last, which the runtime supplies
		boolean suspends = SuspendingHandler.suspends(declared);
		Class<?>[] parameters = suspends ? Arrays.copyOf(declared, declared.length - 1) : declared;
		Class<?> named = handles.value();
		Class<?> messageType;
		boolean takesMessage;
		if (named == void.class) {
			if (parameters.length == 0) {
				throw invalid(behaviorClass, method,
						"a handler takes the message as its first parameter, or names its class with @Handles(value)");
			}
			messageType = parameters[0];
			takesMessage = true;
		}
		else {
			if (named.isPrimitive()) {
				throw invalid(behaviorClass, method, "@Handles(" + named.getName()
						+ ".class) names a primitive type; use " + simpleName(wrapper(named)) + ".class");
			}
			messageType = named;
			takesMessage = parameters.length > 0 && parameters[0].isAssignableFrom(named);
			if (!takesMessage && parameters.length > 0 && parameters[0] != ActorRef.class
					&& parameters[0] != ActorContext.class && !parameters[0].isPrimitive()) {
				throw invalid(behaviorClass, method,
						"@Handles(" + simpleName(named) + ".class) cannot be passed as its first parameter "
								+ simpleName(parameters[0]) + "; " + SHAPE_RULE);
			}
		}
		if (parameters.length > 0 && parameters[0].isPrimitive()) {
			throw invalid(behaviorClass, method, "the message parameter cannot be of the primitive type "
					+ parameters[0].getName() + "; use " + simpleName(wrapper(parameters[0])));
		}
		if (messageType == Stop.class) {
			throw invalid(behaviorClass, method, "Stop is handled by the runtime; a behaviour cannot handle it");
		}

		// The method's type once adapted by asType, and where each of its parameters
		// comes from.
		Class<?>[] adapted = new Class<?>[declared.length + 1];
		int[] reorder = new int[declared.length + 1];
		adapted[0] = Object.class;
		reorder[0] = BEHAVIOR;
		boolean takesSender = false;
		boolean takesContext = false;
		for (int i = 0; i < parameters.length; i++) {
			Class<?> parameter = parameters[i];
			if (i == 0 && takesMessage) {
				adapted[1] = Object.class;
				reorder[1] = MESSAGE;
			}
			else if (parameter == ActorRef.class) {
				if (takesSender) {
					throw invalid(behaviorClass, method, "a handler takes at most one ActorRef sender");
				}
				takesSender = true;
				adapted[i + 1] = ActorRef.class;
				reorder[i + 1] = SENDER;
			}
			else if (parameter == ActorContext.class) {
				if (takesContext) {
					throw invalid(behaviorClass, method, "a handler takes at most one ActorContext");
				}
				takesContext = true;
				adapted[i + 1] = ActorContext.class;
				reorder[i + 1] = CONTEXT;
			}
			else {
				throw invalid(behaviorClass, method, SHAPE_RULE);
			}
		}

		if (suspends) {
			adapted[declared.length] = Object.class;
			reorder[declared.length] = CONTINUATION;
		}

		MethodHandle target;
		try {
			Class<?> declaringClass = method.getDeclaringClass();
			// Named modules must read the behaviour's module to look into it; no-op when
			// unnamed.
			Handler.class.getModule().addReads(declaringClass.getModule());
			target = MethodHandles.privateLookupIn(declaringClass, MethodHandles.lookup()).unreflect(method);
		}
		catch (IllegalAccessException ex) {
			throw invalid(behaviorClass, method,
					"the method is not reachable: " + ex.getMessage() + " (open its package to actorbeans)");
		}
		target = target.asType(MethodType.methodType(Object.class, adapted));
		if (suspends) {
			// it resumes on the actor's thread, which its context gives
			MethodHandle invoker = MethodHandles.permuteArguments(target, SuspendingHandler.INVOKER_TYPE, reorder);
			return new Handler(invoker, method, messageType, true,
					SuspendingHandler.of(behaviorClass, method, invoker));
		}
		MethodHandle invoker = MethodHandles.permuteArguments(target, INVOKER_TYPE, reorder);
		return new Handler(invoker, method, messageType, takesContext, null);
	}

	/**
	 * Invoke it. Thread-safe, as far as the behaviour is: the runtime calls it from the
	 * actor's turn only.
	 * @param behavior the behaviour object, an instance of the class declaring the method
	 * or of a subclass
	 * @param message the message, an instance of {@link #messageType()}
	 * @param sender the sender, or {@code null}
	 * @param context the context, or {@code null} if the method does not
	 * {@link #takesContext() take one}
	 * @return the method's result, or {@code null} for a void method; for a method that
	 * suspends, a {@code CompletionStage} of its result if it did
	 * @throws Throwable whatever the method throws, unchanged
	 */
	@Nullable Object invoke(Object behavior, Object message, @Nullable ActorRef sender, @Nullable ActorContext context)
			throws Throwable {
		SuspendingHandler suspending = this.suspending;
		if (suspending != null) {
			return suspending.invoke(behavior, message, sender, (CellContext) Objects.requireNonNull(context));
		}
		return (Object) this.invoker.invokeExact(behavior, message, sender, context);
	}

	/**
	 * Whether the method takes an {@link ActorContext}, so the caller only makes one when
	 * needed; a method that suspends always does, for the thread it resumes on.
	 * Thread-safe.
	 * @return whether it takes a context
	 */
	boolean takesContext() {
		return this.takesContext;
	}

	/**
	 * The message class it handles: the {@code @Handles} value, else its first
	 * parameter's type. Thread-safe.
	 * @return the message class
	 */
	Class<?> messageType() {
		return this.messageType;
	}

	/**
	 * The method's name and simple parameter types, such as
	 * {@code onOrder(Order, ActorContext)}. Thread-safe.
	 * @return the signature
	 */
	String signature() {
		return this.signature;
	}

	/**
	 * The declaring class's name and the signature, such as
	 * {@code com.example.OrderActor.onOrder(Order, ActorContext)}. Thread-safe.
	 */
	@Override
	public String toString() {
		return this.method.getDeclaringClass().getName() + "." + this.signature;
	}

	/**
	 * The exception for a method that breaks a rule. Thread-safe.
	 * @param behaviorClass the behaviour class whose table is being built
	 * @param method the culprit, declared by the behaviour class or one of its
	 * superclasses
	 * @param rule the rule it breaks
	 * @return the exception
	 */
	static InvalidBehaviorException invalid(Class<?> behaviorClass, Method method, String rule) {
		Class<?> declaringClass = method.getDeclaringClass();
		String on = behaviorClass.getName();
		if (declaringClass != behaviorClass) {
			on += " (declared in " + declaringClass.getName() + ")";
		}
		return new InvalidBehaviorException(
				"Invalid @Handles method '" + signature(method) + "' on " + on + ": " + rule);
	}

	static String signature(Method method) {
		StringJoiner joiner = new StringJoiner(", ", method.getName() + "(", ")");
		for (Class<?> parameter : method.getParameterTypes()) {
			joiner.add(simpleName(parameter));
		}
		return joiner.toString();
	}

	/**
	 * The simple name of a class, or its binary name without the package if it has none
	 * (anonymous).
	 */
	static String simpleName(Class<?> type) {
		if (type.isArray()) {
			return simpleName(type.getComponentType()) + "[]";
		}
		String simpleName = type.getSimpleName();
		if (!simpleName.isEmpty()) {
			return simpleName;
		}
		String name = type.getName();
		return name.substring(name.lastIndexOf('.') + 1);
	}

	private static Class<?> wrapper(Class<?> primitive) {
		return MethodType.methodType(primitive).wrap().returnType();
	}

}
