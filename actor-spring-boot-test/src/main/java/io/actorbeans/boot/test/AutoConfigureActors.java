package io.actorbeans.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.PropertyMapping;

/**
 * {@link ImportAutoConfiguration Auto-configuration imports} for tests of actor beans:
 * the actor system, the actor beans' actors and {@code ActorRef} beans, the
 * {@code Bridge}, and, with {@link #virtualTime()}, a
 * {@link io.actorbeans.test.VirtualTime VirtualTime} bean that runs the system's timers.
 * Most tests should use {@link ActorTest @ActorTest}, which includes it; a
 * {@code @SpringBootTest} adds it for virtual time:
 * {@code @AutoConfigureActors(virtualTime = true)}.
 *
 * @since 0.1.0
 * @see ActorTest
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureActors {

	/**
	 * Whether the actor system runs its timers, {@code @Periodic} ticks and ask timeouts
	 * in virtual time: a {@link io.actorbeans.test.VirtualTime VirtualTime} bean, which
	 * the test advances, instead of a scheduler thread. Mapped to the property
	 * {@code actorbeans.test.virtual-time}.
	 * @return whether time is virtual
	 */
	@PropertyMapping("actorbeans.test.virtual-time")
	boolean virtualTime() default false;

}
