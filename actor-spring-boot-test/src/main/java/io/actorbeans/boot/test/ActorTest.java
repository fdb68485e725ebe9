package io.actorbeans.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.core.annotation.AliasFor;
import org.springframework.core.env.Environment;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Annotation for a test of actor beans that starts <strong>only</strong> them: the actor
 * system's and the entities' auto-configuration and the actor beans found by component
 * scanning, with what the test imports.
 * <p>
 * Component scanning is limited to classes annotated with
 * {@link io.actorbeans.boot.Actor @Actor} (so {@code @ActorComponent}s and
 * {@link io.actorbeans.boot.EntityActor @EntityActor}s, which the
 * {@link io.actorbeans.boot.Entities Entities} bean runs as local entities, whether or
 * not the application places them across a cluster), configuration classes with an
 * {@code @Actor @Bean} method, and
 * {@link io.actorbeans.boot.autoconfigure.ActorSystemSettingsCustomizer
 * ActorSystemSettingsCustomizer}s; import the other beans an actor needs (with
 * {@code @Import}, or stand in for them with {@code @MockitoBean}). No web server, no
 * actuator, no other auto-configuration starts.
 *
 * <pre class="code">
 * &#64;ActorTest(virtualTime = true)
 * class WarehouseTests {
 *
 *     &#64;Autowired &#64;Qualifier("worker") ActorRef worker;
 *     &#64;TestProbeBean("positives") TestProbe positives;
 *     &#64;Autowired VirtualTime time;
 *     ...
 * }
 * </pre>
 *
 * With {@link #virtualTime()}, the test gets a {@link io.actorbeans.test.VirtualTime
 * VirtualTime} bean to advance. A {@link TestProbeBean @TestProbeBean} field stands a
 * probe in for an actor bean.
 * <p>
 * When using JUnit 4, this annotation should be used in combination with
 * {@code @RunWith(SpringRunner.class)}.
 *
 * @since 0.1.0
 * @see AutoConfigureActors
 * @see TestProbeBean
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(ActorTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(ActorTypeExcludeFilter.class)
@AutoConfigureActors
@ImportAutoConfiguration
public @interface ActorTest {

	/**
	 * Properties in form {@literal key=value} that should be added to the Spring
	 * {@link Environment} before the test runs.
	 * @return the properties to add
	 */
	String[] properties() default {};

	/**
	 * Whether the actor system's timers, {@code @Periodic} ticks and ask timeouts run in
	 * virtual time, on a {@link io.actorbeans.test.VirtualTime VirtualTime} bean that the
	 * test advances.
	 * @return whether time is virtual
	 */
	@AliasFor(annotation = AutoConfigureActors.class, attribute = "virtualTime")
	boolean virtualTime() default false;

	/**
	 * Whether default filtering should be used with
	 * {@link org.springframework.boot.autoconfigure.SpringBootApplication
	 * SpringBootApplication}. By default, only actor beans, configuration classes with an
	 * {@code @Actor @Bean} method, and {@code ActorSystemSettingsCustomizer}s are
	 * included.
	 * @see #includeFilters()
	 * @see #excludeFilters()
	 * @return if default filters should be used
	 */
	boolean useDefaultFilters() default true;

	/**
	 * A set of include filters which can be used to add otherwise filtered beans to the
	 * application context.
	 * @return include filters to apply
	 */
	Filter[] includeFilters() default {};

	/**
	 * A set of exclude filters which can be used to filter beans that would otherwise be
	 * added to the application context.
	 * @return exclude filters to apply
	 */
	Filter[] excludeFilters() default {};

	/**
	 * Auto-configuration exclusions that should be applied for this test.
	 * @return auto-configuration exclusions to apply
	 */
	@AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
	Class<?>[] excludeAutoConfiguration() default {};

}
