package io.actorbeans.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.actorbeans.Dispatcher;
import io.actorbeans.FailurePolicy;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * A {@link Component @Component} that is an {@link Actor @Actor}: the stereotype for
 * actor classes found by component scanning.
 *
 * <pre class="code">
 * &#064;ActorComponent("positives")
 * class Warehouse {
 *     private final List&lt;Integer&gt; inventory = new ArrayList&lt;&gt;();
 *
 *     &#064;Handles
 *     List&lt;Integer&gt; onGetInventory(GetInventory request) {
 *         return List.copyOf(this.inventory);
 *     }
 * }
 * </pre>
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Component
@Actor
public @interface ActorComponent {

	/**
	 * The bean's name, which is also the actor's unless {@link #name()} is set.
	 * @return the bean name, or empty for the default
	 */
	@AliasFor(annotation = Component.class)
	String value() default "";

	/**
	 * The actor's name; by default the bean's name.
	 * @return the name
	 */
	@AliasFor(annotation = Actor.class)
	String name() default "";

	/**
	 * The dispatcher, see {@link Actor#dispatcher()}.
	 * @return one dispatcher, or none for the default
	 */
	@AliasFor(annotation = Actor.class)
	Dispatcher[] dispatcher() default {};

	/**
	 * The mailbox capacity, see {@link Actor#mailboxCapacity()}.
	 * @return the capacity, or {@code -1} for the default
	 */
	@AliasFor(annotation = Actor.class)
	int mailboxCapacity() default -1;

	/**
	 * The failure policy, see {@link Actor#failurePolicy()}.
	 * @return one policy, or none for the default
	 */
	@AliasFor(annotation = Actor.class)
	FailurePolicy[] failurePolicy() default {};

}
