package io.actorbeans.boot.actuate;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the configuration metadata the build generates for the actuator support, which
 * IDEs read for completion.
 */
class ActorsConfigurationMetadataTests {

	@Test
	void metadataShouldDescribeTheHealthIndicatorSwitch() throws IOException {
		List<Map<String, Object>> properties = properties("management.health.actors.enabled");
		assertThat(properties).singleElement().satisfies((property) -> {
			assertThat(property).containsEntry("type", "java.lang.Boolean").containsEntry("defaultValue", true);
			assertThat(property.get("description")).asString().startsWith("Whether to enable");
		});
	}

	@Test
	void metadataShouldDescribeTheObservabilitySwitches() throws IOException {
		for (String name : List.of("actorbeans.propagate-context", "actorbeans.observations.enabled")) {
			assertThat(properties(name)).as(name).singleElement().satisfies((property) -> {
				assertThat(property).containsEntry("type", "java.lang.Boolean").containsEntry("defaultValue", false);
				assertThat(property.get("description")).asString().startsWith("Whether to");
			});
		}
	}

	/** The properties of a name in every metadata file on the class path. */
	private static List<Map<String, Object>> properties(String name) throws IOException {
		List<Map<String, Object>> properties = new ArrayList<>();
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
			try (InputStream metadata = resource.getInputStream()) {
				properties.addAll(JsonPath.parse(metadata).read("$.properties[?(@.name == '" + name + "')]"));
			}
		}
		return properties;
	}

}
