package io.actorbeans.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.bean.override.BeanOverride;

/**
 * Stands a {@link io.actorbeans.test.TestProbe TestProbe} in for a singleton actor bean:
 * the actor bean's {@code ActorRef} bean (the one qualified by its name) is replaced with
 * the probe, which every bean that injects that {@code ActorRef} gets, and which is
 * injected into the annotated field. The actor bean itself is not spawned.
 *
 * <pre class="code">
 * &#64;TestProbeBean("positives")
 * TestProbe positives;
 *
 * &#64;Test
 * void theWorkerSendsDoubledValuesToPositives() {
 *     bridge.call(worker, new Tasks(List.of(1, 2)));
 *     assertThat(positives.expectMessage(Integer.class, Duration.ofSeconds(1))).isEqualTo(2);
 * }
 * </pre>
 *
 * The probe is an actor of the context's actor system, named after the actor bean, and
 * spawned on first use. After each test method it is closed: its actor stops, what it
 * received is forgotten, and its next use (by the next test that shares the context)
 * spawns a fresh one. A message sent to it after a test ends reaches the probe of the
 * next test: take what a test expects (or check {@code expectNoMessage}) before it ends.
 * <p>
 * The field must be of type {@code TestProbe}, non-static, of any visibility. The actor
 * bean must be a singleton with its {@code ActorRef} bean: a prototype actor bean has
 * none, and a missing one fails the context naming the bean sought.
 *
 * @since 0.1.0
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@BeanOverride(TestProbeBeanOverrideProcessor.class)
public @interface TestProbeBean {

	/**
	 * The bean name of the actor bean the probe stands in for, such as
	 * {@code "positives"}; the probe's actor takes that name too.
	 * @return the actor bean's name
	 */
	String value();

}
