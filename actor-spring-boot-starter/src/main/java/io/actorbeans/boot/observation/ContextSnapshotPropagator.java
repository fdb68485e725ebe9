package io.actorbeans.boot.observation;

import io.actorbeans.ContextPropagator;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;

import org.springframework.util.Assert;

/**
 * A {@link ContextPropagator} backed by Micrometer's context-propagation library: each
 * message carries a {@link ContextSnapshot} of every {@code ThreadLocalAccessor} the
 * factory's registry knows (Micrometer's current observation, and through it the trace
 * and the MDC's trace ids; Spring Security's {@code SecurityContext}; any accessor the
 * application registers), restored around the handler. Thread-locals that the sender did
 * not have are cleared for the handler, so that nothing a previous message left on the
 * actor's thread is seen.
 * <p>
 * Thread-safe, as its factory.
 *
 * @since 0.1.0
 */
public final class ContextSnapshotPropagator implements ContextPropagator {

	private final ContextSnapshotFactory snapshots;

	/**
	 * Create a propagator for the accessors of the global
	 * {@link io.micrometer.context.ContextRegistry}.
	 */
	public ContextSnapshotPropagator() {
		this(ContextSnapshotFactory.builder().clearMissing(true).build());
	}

	/**
	 * Create a propagator that takes its snapshots from a factory.
	 * @param snapshots the factory
	 */
	public ContextSnapshotPropagator(ContextSnapshotFactory snapshots) {
		Assert.notNull(snapshots, "'snapshots' must not be null");
		this.snapshots = snapshots;
	}

	@Override
	public Object capture() {
		return this.snapshots.captureAll();
	}

	@Override
	public Scope restore(Object context) {
		return ((ContextSnapshot) context).setThreadLocals()::close;
	}

}
