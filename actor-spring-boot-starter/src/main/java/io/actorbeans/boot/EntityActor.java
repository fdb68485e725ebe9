package io.actorbeans.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.actorbeans.Dispatcher;
import io.actorbeans.FailurePolicy;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Scope;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * A prototype actor bean with one instance per entity id: the stereotype for keyed
 * actors, reached through {@link Entities#ref(Class, String)}. An entity is activated
 * (its bean created and its actor spawned) by its first message, and lives until it is
 * stopped ({@code Bridge.stop(entityRef)}) or, if its type opts in, passivated after
 * being idle; its bean is then destroyed ({@code @PreDestroy} runs), and the next message
 * activates a fresh one.
 * <p>
 * In one JVM the entities are local actors. With {@code actor-cluster} on the class path
 * and {@code actorbeans.cluster.enabled=true}, each entity lives exactly once across the
 * replicas of the service, the same code unchanged.
 *
 * <pre class="code">
 * &#064;EntityActor("counter")
 * class Counter {
 *     private long value;
 *
 *     &#064;Handles
 *     long on(Increment increment) {
 *         return ++this.value;
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
@Scope(BeanDefinition.SCOPE_PROTOTYPE)
@Actor
public @interface EntityActor {

	/**
	 * The entity type's name, unique in the application: letters, digits, {@code '-'},
	 * {@code '_'} and {@code '.'}. It is the first part of the name of its entities
	 * ({@code counter/apples}), the name of its bean and, in a cluster, the name of its
	 * shard region, the same on every replica.
	 * @return the type's name
	 */
	@AliasFor(annotation = Component.class)
	String value();

	/**
	 * How long an entity may stay idle (no message through its {@link EntityRef}) before
	 * it is passivated: stopped, its bean destroyed and its in-memory state lost, to be
	 * activated afresh by its next message. A duration ({@code 500ms}, {@code 10m},
	 * {@code PT1H}, or milliseconds), placeholders allowed; empty (the default) or
	 * {@code 0} for never. The property {@code actorbeans.entity.passivate-after.<type>}
	 * overrides it.
	 * @return the idle time, or empty for never
	 */
	String passivateAfter() default "";

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
