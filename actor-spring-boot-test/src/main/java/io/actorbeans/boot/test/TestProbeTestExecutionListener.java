package io.actorbeans.boot.test;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * {@link TestExecutionListener} that closes the probes of
 * {@link TestProbeBean @TestProbeBean} fields after each test method, so that the next
 * test that shares the context starts with fresh ones. Called by the Spring TestContext
 * Framework, on the test's thread.
 *
 * @since 0.1.0
 */
public class TestProbeTestExecutionListener extends AbstractTestExecutionListener {

	/**
	 * Returns {@code Ordered.LOWEST_PRECEDENCE - 100}, as Framework's listener that
	 * resets {@code @MockitoBean} mocks.
	 */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			ApplicationContext context = testContext.getApplicationContext();
			if (context.containsBean(TestProbeBeans.BEAN_NAME)) {
				context.getBean(TestProbeBeans.BEAN_NAME, TestProbeBeans.class).closeAll();
			}
		}
	}

}
