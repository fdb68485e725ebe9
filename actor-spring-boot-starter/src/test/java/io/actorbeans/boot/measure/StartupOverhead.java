package io.actorbeans.boot.measure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.actorbeans.Handles;
import io.actorbeans.boot.Actor;
import io.actorbeans.boot.autoconfigure.ActorAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Measures what an actor bean adds to the startup of an application context: the time to
 * start a context of 2,000 {@code @Actor} beans against one of 2,000 plain beans of the
 * same shape, median of 7 starts each, alternated, after 3 warm-up starts of each. Not a
 * test; run it from the repository's root with:
 *
 * <pre>
 * ./mvnw -q -pl actor-spring-boot-starter -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp actor-spring-boot-starter/target/test-classes:actor-spring-boot-starter/target/classes:actor-core/target/classes:$(cat actor-spring-boot-starter/target/cp.txt) io.actorbeans.boot.measure.StartupOverhead
 * </pre>
 */
public final class StartupOverhead {

	private static final int BEANS = 2000;

	private static final int ROUNDS = 7;

	private StartupOverhead() {
	}

	public static void main(String[] args) {
		for (int i = 0; i < 3; i++) {
			startup(PlainBean.class);
			startup(ActorBean.class);
		}
		List<Long> plain = new ArrayList<>();
		List<Long> actors = new ArrayList<>();
		for (int i = 0; i < ROUNDS; i++) {
			plain.add(startup(PlainBean.class));
			actors.add(startup(ActorBean.class));
		}
		long plainMedian = median(plain);
		long actorsMedian = median(actors);
		System.out.printf(
				"Context start, median of %d: %d plain beans %.1f ms, %d actor beans %.1f ms: "
						+ "%.1f us more per actor bean%n",
				ROUNDS, BEANS, plainMedian / 1e6, BEANS, actorsMedian / 1e6,
				(actorsMedian - plainMedian) / 1e3 / BEANS);
	}

	private static long startup(Class<?> type) {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ActorAutoConfiguration.class));
		for (int i = 0; i < BEANS; i++) {
			runner = runner.withBean("bean" + i, type);
		}
		long[] elapsed = new long[1];
		long start = System.nanoTime();
		runner.run((context) -> {
			elapsed[0] = System.nanoTime() - start;
			if (context.getStartupFailure() != null) {
				throw new IllegalStateException(context.getStartupFailure());
			}
		});
		return elapsed[0];
	}

	private static long median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	/** A bean that is an actor. */
	@Actor
	public static class ActorBean {

		@Handles
		String echo(String message) {
			return message;
		}

	}

	/** The same bean, not an actor. */
	public static class PlainBean {

		String echo(String message) {
			return message;
		}

	}

}
