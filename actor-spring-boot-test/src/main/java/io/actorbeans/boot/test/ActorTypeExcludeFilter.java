package io.actorbeans.boot.test;

import java.io.IOException;

import io.actorbeans.boot.Actor;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * {@link TypeExcludeFilter} for {@link ActorTest @ActorTest}: component scanning finds
 * the types of {@code META-INF/spring/io.actorbeans.boot.test.ActorTest.includes} (the
 * {@link Actor @Actor} classes and the settings customizers) and the classes with an
 * {@code @Actor} method, such as a configuration class whose {@code @Bean} methods make
 * actor beans. Called on the thread that refreshes the test's context.
 */
class ActorTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<ActorTest> {

	ActorTypeExcludeFilter(Class<?> testClass) {
		super(testClass);
	}

	@Override
	protected boolean defaultInclude(MetadataReader metadataReader, MetadataReaderFactory metadataReaderFactory)
			throws IOException {
		return super.defaultInclude(metadataReader, metadataReaderFactory)
				|| metadataReader.getAnnotationMetadata().hasAnnotatedMethods(Actor.class.getName());
	}

}
