package io.actorbeans.boot.test;

import java.util.function.Supplier;

import io.actorbeans.ActorSystem;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;

/**
 * The {@link ActorSystem} bean of a test's context, for a probe that spawns on first use:
 * the bean factory is known once the probe is tracked. Thread-safe.
 */
final class ContextActorSystem implements Supplier<ActorSystem> {

	private final String actorBean;

	private volatile @Nullable BeanFactory beanFactory;

	ContextActorSystem(String actorBean) {
		this.actorBean = actorBean;
	}

	/** Take the system from this bean factory. Called once, when the probe is tracked. */
	void use(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public ActorSystem get() {
		BeanFactory beanFactory = this.beanFactory;
		if (beanFactory == null) {
			throw new IllegalStateException("The TestProbe of @TestProbeBean(\"" + this.actorBean
					+ "\") was used before its test context was prepared");
		}
		return beanFactory.getBean(ActorSystem.class);
	}

}
