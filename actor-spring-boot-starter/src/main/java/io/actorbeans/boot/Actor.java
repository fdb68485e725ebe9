package io.actorbeans.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.actorbeans.Dispatcher;
import io.actorbeans.FailurePolicy;

/**
 * Marks a bean as an actor: on a class picked up by component scanning (see
 * {@link ActorComponent @ActorComponent}), or on a {@code @Bean} method.
 * <p>
 * A singleton actor bean is spawned while the application context starts, with its
 * dependencies injected, and gets an {@link io.actorbeans.ActorRef} bean that other beans
 * inject with {@code @Qualifier("actor-name")}. The bean itself is confined to its actor:
 * injecting it into another bean fails at startup. A prototype actor bean is spawned on
 * demand by the {@link ActorFactory}, one bean instance per actor.
 * <p>
 * Each attribute left out takes the {@code actorbeans.*} configuration's default. The two
 * array attributes take at most one value:
 * {@code @Actor(dispatcher = Dispatcher.VIRTUAL)}.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface Actor {

	/**
	 * The actor's name; by default the bean's name.
	 * @return the name, or empty for the bean's name
	 */
	String name() default "";

	/**
	 * The dispatcher; by default {@code actorbeans.dispatcher.type}.
	 * @return one dispatcher, or none for the default
	 */
	Dispatcher[] dispatcher() default {};

	/**
	 * The most messages the mailbox holds, {@code 0} for no limit; by default
	 * {@code actorbeans.mailbox.capacity}.
	 * @return the capacity, or {@code -1} for the default
	 */
	int mailboxCapacity() default -1;

	/**
	 * What the actor does when a handler throws; by default
	 * {@code actorbeans.failure-policy}. {@link FailurePolicy#RESTART} gets a fresh bean
	 * instance, so it needs a prototype bean.
	 * @return one policy, or none for the default
	 */
	FailurePolicy[] failurePolicy() default {};

}
