package io.actorbeans.boot.test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;

import io.actorbeans.test.TestProbe;

import org.springframework.test.context.bean.override.BeanOverrideHandler;
import org.springframework.test.context.bean.override.BeanOverrideProcessor;

/**
 * The {@link BeanOverrideProcessor} of {@link TestProbeBean @TestProbeBean}: checks the
 * field and makes its handler. Called by the Spring TestContext Framework when it reads a
 * test class.
 */
class TestProbeBeanOverrideProcessor implements BeanOverrideProcessor {

	@Override
	public BeanOverrideHandler createHandler(Annotation overrideAnnotation, Class<?> testClass, Field field) {
		if (!(overrideAnnotation instanceof TestProbeBean testProbeBean)) {
			throw new IllegalStateException("Invalid annotation passed to TestProbeBeanOverrideProcessor: expected "
					+ "@TestProbeBean on field " + testClass.getName() + "." + field.getName());
		}
		if (field.getType() != TestProbe.class) {
			throw new IllegalStateException("Invalid @TestProbeBean field '" + field.getName() + "' of "
					+ testClass.getName() + ": its type is " + field.getType().getName() + "; declare it as "
					+ TestProbe.class.getName());
		}
		String actorBean = testProbeBean.value();
		if (actorBean.isBlank()) {
			throw new IllegalStateException(
					"Invalid @TestProbeBean field '" + field.getName() + "' of " + testClass.getName()
							+ ": name the actor bean the probe stands in for, as " + "@TestProbeBean(\"positives\")");
		}
		return new TestProbeBeanOverrideHandler(field, actorBean);
	}

}
