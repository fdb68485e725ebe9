package io.actorbeans.boot.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.actorbeans.test.TestProbe;

import org.springframework.beans.factory.config.SingletonBeanRegistry;

/**
 * The probes of the {@link TestProbeBean @TestProbeBean} fields of one test context, kept
 * as a singleton of its bean factory, for {@link TestProbeTestExecutionListener} to close
 * after each test. Thread-safe.
 */
final class TestProbeBeans {

	/** The name of the singleton. */
	static final String BEAN_NAME = TestProbeBeans.class.getName();

	private final List<TestProbe> probes = new CopyOnWriteArrayList<>();

	/**
	 * The probes of a bean factory, registered with it on first use. Called on the thread
	 * that refreshes the context.
	 */
	static TestProbeBeans of(SingletonBeanRegistry registry) {
		Object existing = registry.getSingleton(BEAN_NAME);
		if (existing != null) {
			return (TestProbeBeans) existing;
		}
		TestProbeBeans probes = new TestProbeBeans();
		registry.registerSingleton(BEAN_NAME, probes);
		return probes;
	}

	void add(TestProbe probe) {
		this.probes.add(probe);
	}

	/** Close every probe: its actor stops, and what it received is forgotten. */
	void closeAll() {
		for (TestProbe probe : this.probes) {
			probe.close();
		}
	}

}
