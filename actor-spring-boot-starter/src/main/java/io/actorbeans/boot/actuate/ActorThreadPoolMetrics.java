package io.actorbeans.boot.actuate;

import io.actorbeans.ActorSystem;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;

import org.springframework.util.Assert;

/**
 * A {@link MeterBinder} for the thread pools of an {@link ActorSystem} (see
 * {@link ActorSystem#threadPools()}): Micrometer's {@code executor.*} meters, tagged
 * {@code name} with the pool's name ({@code <system>-shared},
 * {@code <system>-scheduler}), as Spring Boot binds its own task executors and
 * schedulers.
 * <p>
 * Thread-safe.
 *
 * @since 0.1.0
 */
public class ActorThreadPoolMetrics implements MeterBinder {

	private final ActorSystem system;

	/**
	 * Create a new {@code ActorThreadPoolMetrics} instance.
	 * @param system the actor system
	 */
	public ActorThreadPoolMetrics(ActorSystem system) {
		Assert.notNull(system, "'system' must not be null");
		this.system = system;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.system.threadPools()
			.forEach((name, pool) -> new ExecutorServiceMetrics(pool, name, Tags.empty()).bindTo(registry));
	}

}
