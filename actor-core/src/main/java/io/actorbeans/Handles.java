package io.actorbeans;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a behaviour object as the handler of one message class.
 * <p>
 * The first parameter is the message; its type is the class handled, unless
 * {@link #value()} names a class (then the parameter may be any supertype of it, or be
 * left out). After the message a handler may take an {@link ActorRef} (the sender,
 * {@code null} when there is none) and an {@link ActorContext}, each at most once. A
 * handler that returns a value replies with it to the sender; {@code null} sends no
 * reply.
 * <p>
 * For a message the most specific handler wins: the one for its own class, else for its
 * nearest superclass, else for one of its interfaces, else the handler of {@code Object},
 * the "other message" fallback. Handlers of superclasses are inherited; a subclass that
 * handles the same class, or overrides the method, replaces its parent's handler.
 * Handlers may be private; they must not be static. An invalid set of handlers is
 * rejected at spawn with an {@link InvalidBehaviorException}.
 *
 * <pre class="code">
 * class Warehouse {
 *     private final List&lt;Integer&gt; inventory = new ArrayList&lt;&gt;();
 *
 *     &#064;Handles
 *     List&lt;Integer&gt; onGetInventory(GetInventory request) {
 *         return List.copyOf(this.inventory);
 *     }
 *
 *     &#064;Handles
 *     void onResult(Integer result) {
 *         this.inventory.add(result);
 *     }
 * }
 * </pre>
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Handles {

	/**
	 * The message class this method handles; by default the type of its first parameter.
	 * @return the message class, or {@code void.class} for the first parameter's type
	 */
	Class<?> value() default void.class;

}
