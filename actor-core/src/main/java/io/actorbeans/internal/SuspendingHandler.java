package io.actorbeans.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ServiceLoader;

import io.actorbeans.ActorContext;
import io.actorbeans.ActorRef;
import io.actorbeans.SuspendingHandlerInvoker;
import org.jspecify.annotations.Nullable;

/**
 * A handler method that suspends (a Kotlin {@code suspend} function), called through the
 * {@link SuspendingHandlerInvoker} found on the class path. Immutable, thread-safe.
 */
final class SuspendingHandler {

	/**
	 * The type of an adapted suspending handler: (behavior, message, sender, context,
	 * continuation) to result.
	 */
	static final MethodType INVOKER_TYPE = Handler.INVOKER_TYPE.appendParameterTypes(Object.class);

	/**
	 * The last parameter of a suspend function, by name: the core does not see Kotlin.
	 */
	private static final String CONTINUATION = "kotlin.coroutines.Continuation";

	private final MethodHandle invoker;

	private final SuspendingHandlerInvoker suspending;

	private SuspendingHandler(MethodHandle invoker, SuspendingHandlerInvoker suspending) {
		this.invoker = invoker;
		this.suspending = suspending;
	}

	/**
	 * Whether a method suspends: its last parameter is a Kotlin continuation.
	 * @param parameters the method's parameter types
	 * @return whether it does
	 */
	static boolean suspends(Class<?>[] parameters) {
		return parameters.length > 0 && parameters[parameters.length - 1].getName().equals(CONTINUATION);
	}

	/**
	 * A suspending handler, with the invoker that the behaviour's class loader provides.
	 * @param behaviorClass the behaviour class whose table is being built
	 * @param method the handler method
	 * @param invoker the method adapted to {@link #INVOKER_TYPE}
	 * @return the handler
	 * @throws io.actorbeans.InvalidBehaviorException if no invoker is on the class path
	 */
	static SuspendingHandler of(Class<?> behaviorClass, Method method, MethodHandle invoker) {
		SuspendingHandlerInvoker suspending = ServiceLoader
			.load(SuspendingHandlerInvoker.class, behaviorClass.getClassLoader())
			.findFirst()
			.orElseThrow(() -> Handler.invalid(behaviorClass, method,
					"it is a Kotlin suspend function, and no " + SuspendingHandlerInvoker.class.getName()
							+ " is on the class path to call it; add io.actorbeans:actor-kotlin"));
		return new SuspendingHandler(invoker, suspending);
	}

	/**
	 * Start the handler with one message. On the actor's thread.
	 * @return its result, or a stage of it if it suspended
	 */
	@Nullable Object invoke(Object behavior, Object message, @Nullable ActorRef sender, CellContext context) throws Throwable {
		return this.suspending.invoke((continuation) -> (Object) this.invoker.invokeExact(behavior, message, sender,
				(ActorContext) context, continuation), context.actorThread());
	}

}
