package io.actorbeans.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link io.actorbeans.Handles @Handles} method of an {@link Actor @Actor} bean
 * as the handler of a periodic tick: the starter spawns the actor with a periodic timer
 * ({@link io.actorbeans.SpawnOptions#withPeriodicTimer}) that sends the actor the tick at
 * a fixed rate, the first time one interval after the actor is spawned. No code is needed
 * to start it, and it ends when the actor stops.
 *
 * <pre class="code">
 * &#064;ActorComponent
 * class Reporter {
 *     enum Flush { TICK }
 *
 *     &#064;Periodic(interval = "${reports.flush-interval:5s}")
 *     &#064;Handles
 *     void onFlush(Flush tick) {
 *         ...
 *     }
 * }
 * </pre>
 *
 * <p>
 * The tick is an instance of the handler's message class (the {@code @Handles} value,
 * else the type of its first parameter), made once when the actor bean is validated and
 * sent each time, so it should be immutable:
 * <ul>
 * <li>an enum with exactly one constant, that constant (the most natural tick);</li>
 * <li>a singleton class with a {@code public static final} field {@code INSTANCE} of its
 * own type, such as a Kotlin {@code object}, that instance, as it is;</li>
 * <li>otherwise a concrete class or record with a no-arg constructor, of any visibility,
 * called once. A non-static inner class has none.</li>
 * </ul>
 * <p>
 * The timer's key is the message class, so a handler may stop the ticks with
 * {@code context.timers().cancel(Flush.class)}, or change their interval by starting
 * another periodic timer with that key. As with every periodic timer, a tick that comes
 * while the previous one still waits in the mailbox is skipped, and the tick is handled
 * by the actor's current behaviour (see {@link io.actorbeans.ActorContext#become}).
 * <p>
 * The {@link #interval()} is resolved against the environment, then parsed like a
 * {@link java.time.Duration} configuration property. Every {@code @Periodic} method is
 * validated while the application starts, for singleton and prototype actor beans alike:
 * startup fails, naming the bean, the class, the method and the rule, if the method is
 * not a {@code @Handles} method, its message class cannot be instantiated as above, or
 * the interval has an unresolvable placeholder, is not a duration, or is not positive.
 * The methods are found on the bean's class and its superclasses, as Spring finds
 * {@code @Scheduled} methods; a prototype actor bean declared by a {@code @Bean} method
 * is scanned by the method's return type. May be used as a meta-annotation.
 * <p>
 * An annotation: read by the starter while the application context starts.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
public @interface Periodic {

	/**
	 * The interval between ticks, positive. A duration as configuration properties take
	 * it: {@code "500ms"}, {@code "5s"}, {@code "1m"}, ISO-8601 such as {@code "PT1M"},
	 * or a number of milliseconds; placeholders such as {@code "${reports.interval:5s}"}
	 * are resolved against the environment first.
	 * @return the interval
	 */
	String interval();

}
