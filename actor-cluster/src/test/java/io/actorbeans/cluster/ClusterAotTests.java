package io.actorbeans.cluster;

import java.time.Duration;
import java.util.Map;

import io.actorbeans.Bridge;
import io.actorbeans.boot.Entities;
import io.actorbeans.boot.autoconfigure.ActorAutoConfiguration;
import io.actorbeans.boot.autoconfigure.EntityAutoConfiguration;
import io.actorbeans.cluster.TestCounter.Increment;
import io.actorbeans.cluster.TestCounter.Reading;
import io.actorbeans.cluster.autoconfigure.ClusterAutoConfiguration;
import io.actorbeans.cluster.autoconfigure.ClusterLifecycle;
import io.actorbeans.cluster.autoconfigure.ClusterTestSupport;
import io.actorbeans.cluster.internal.ClusterEntities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cluster auto-configuration in Spring's AOT mode: the context is processed ahead of
 * time with the cluster enabled, its generated initializer compiled and refreshed, and
 * the node it starts places an entity and answers a call through the {@code Bridge}.
 */
@Timeout(120)
class ClusterAotTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	@CompileWithForkedClassLoader
	@SuppressWarnings("unchecked")
	void generatedContextRunsANodeThatPlacesEntities() {
		int port = TestClusterApplication.freePort();
		Map<String, Object> properties = Map.of("spring.application.name", "aot", "actorbeans.cluster.enabled", "true",
				"actorbeans.cluster.port", port, "actorbeans.cluster.seed-nodes", "127.0.0.1:" + port);
		TestGenerationContext generationContext = new TestGenerationContext();
		ClassName className;
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			withProperties(context, properties);
			context.register(TestCounter.class, ActorAutoConfiguration.class, JacksonAutoConfiguration.class,
					ClusterAutoConfiguration.class, EntityAutoConfiguration.class);
			className = new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
		}
		generationContext.writeGeneratedContent();
		TestCompiler.forSystem().with(generationContext).compile((compiled) -> {
			GenericApplicationContext generated = new GenericApplicationContext();
			generated.setAllowBeanDefinitionOverriding(false);
			withProperties(generated, properties);
			compiled.getInstance(ApplicationContextInitializer.class, className.toString()).initialize(generated);
			generated.refresh();
			try {
				Entities entities = generated.getBean(Entities.class);
				assertThat(entities).isInstanceOf(ClusterEntities.class);
				ClusterLifecycle lifecycle = generated.getBean(ClusterLifecycle.class);
				await().atMost(Duration.ofSeconds(60)).until(() -> ClusterTestSupport.upMembers(lifecycle) == 1);
				Reading reading = generated.getBean(Bridge.class)
					.call(entities.ref(TestCounter.class, "aot"), new Increment(), TIMEOUT);
				assertThat(reading.value()).isEqualTo(1);
			}
			finally {
				generated.close();
			}
		});
	}

	private static void withProperties(ConfigurableApplicationContext context, Map<String, Object> properties) {
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
	}

}
