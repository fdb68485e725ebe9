package io.actorbeans.boot.test;

import java.lang.reflect.Field;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

import io.actorbeans.ActorRef;
import io.actorbeans.test.TestProbe;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.SingletonBeanRegistry;
import org.springframework.core.ResolvableType;
import org.springframework.core.style.ToStringCreator;
import org.springframework.test.context.bean.override.BeanOverrideHandler;
import org.springframework.test.context.bean.override.BeanOverrideStrategy;

/**
 * Replaces the {@code <name>ActorRef} bean of a singleton actor bean with a
 * {@link TestProbe} spawned on first use. Called by the Spring TestContext Framework, on
 * the thread that refreshes the test's context.
 */
final class TestProbeBeanOverrideHandler extends BeanOverrideHandler {

	/*-
	 * The framework makes the override while it post-processes the bean factory, before the
	 * actor system exists (and making it then would bind its properties too early). So the probe
	 * is made to spawn on first use, asking the bean factory for the ActorSystem bean then; the
	 * bean factory comes with trackOverrideInstance(), which the framework calls right after
	 * createOverrideInstance(), on the same thread, for the same probe.
	 */

	private final String actorBean;

	/** The probes made and not tracked yet, with what will give them their system. */
	private final Map<TestProbe, ContextActorSystem> untracked = Collections.synchronizedMap(new IdentityHashMap<>());

	TestProbeBeanOverrideHandler(Field field, String actorBean) {
		super(field, ResolvableType.forClass(ActorRef.class), actorBean + "ActorRef", BeanOverrideStrategy.REPLACE);
		this.actorBean = actorBean;
	}

	@Override
	protected Object createOverrideInstance(String beanName, @Nullable BeanDefinition existingBeanDefinition,
			@Nullable Object existingBeanInstance) {
		ContextActorSystem system = new ContextActorSystem(this.actorBean);
		TestProbe probe = TestProbe.createOnFirstUse(system, this.actorBean);
		this.untracked.put(probe, system);
		return probe;
	}

	@Override
	protected void trackOverrideInstance(Object override, SingletonBeanRegistry singletonBeanRegistry) {
		ContextActorSystem system = this.untracked.remove(override);
		if (system == null || !(singletonBeanRegistry instanceof BeanFactory beanFactory)) {
			throw new IllegalStateException("Cannot track the TestProbe of @TestProbeBean(\"" + this.actorBean
					+ "\"): it was not made by this handler, or its registry " + singletonBeanRegistry
					+ " is not a bean factory");
		}
		system.use(beanFactory);
		TestProbeBeans.of(singletonBeanRegistry).add((TestProbe) override);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return super.equals(other) && other instanceof TestProbeBeanOverrideHandler that
				&& this.actorBean.equals(that.actorBean);
	}

	@Override
	public int hashCode() {
		return Objects.hash(super.hashCode(), this.actorBean);
	}

	@Override
	public String toString() {
		return new ToStringCreator(this).append("field", getField())
			.append("actorBean", this.actorBean)
			.append("beanName", getBeanName())
			.toString();
	}

}
