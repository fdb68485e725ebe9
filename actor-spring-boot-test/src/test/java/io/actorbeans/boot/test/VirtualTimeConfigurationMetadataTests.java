package io.actorbeans.boot.test;

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
 * The configuration metadata of this module, which IDEs read for completion, describes
 * the property that {@code @ActorTest(virtualTime = true)} sets.
 */
class VirtualTimeConfigurationMetadataTests {

	@Test
	void metadataShouldDescribeTheVirtualTimeSwitch() throws IOException {
		List<Map<String, Object>> properties = new ArrayList<>();
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
			try (InputStream metadata = resource.getInputStream()) {
				properties
					.addAll(JsonPath.parse(metadata).read("$.properties[?(@.name == 'actorbeans.test.virtual-time')]"));
			}
		}
		assertThat(properties).singleElement().satisfies((property) -> {
			assertThat(property).containsEntry("type", "java.lang.Boolean").containsEntry("defaultValue", false);
			assertThat(property.get("description")).asString().startsWith("Whether the actor system of a test");
		});
	}

}
