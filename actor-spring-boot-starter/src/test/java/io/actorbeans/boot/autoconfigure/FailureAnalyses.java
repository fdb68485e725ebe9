package io.actorbeans.boot.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/**
 * Runs a startup failure through every {@link FailureAnalyzer} registered in
 * {@code META-INF/spring.factories}, as Spring Boot's {@code FailureAnalyzers} does when
 * an application fails to start: the first analysis wins.
 */
final class FailureAnalyses {

	private FailureAnalyses() {
	}

	static @Nullable FailureAnalysis analyze(Throwable failure) {
		ArgumentResolver arguments = ArgumentResolver.of(BeanFactory.class, new DefaultListableBeanFactory())
			.and(Environment.class, new StandardEnvironment());
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader
			.forDefaultResourceLocation(FailureAnalyses.class.getClassLoader())
			.load(FailureAnalyzer.class, arguments, FailureHandler.handleMessage((message, ex) -> {
				// As Boot does: an analyzer that cannot be made (its library is absent)
				// is
				// skipped.
			}));
		for (FailureAnalyzer analyzer : analyzers) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null) {
				return analysis;
			}
		}
		return null;
	}

	static String describe(@Nullable FailureAnalysis analysis) {
		return (analysis != null) ? analysis.getDescription() + "\nAction: " + analysis.getAction() : "(no analysis)";
	}

}
