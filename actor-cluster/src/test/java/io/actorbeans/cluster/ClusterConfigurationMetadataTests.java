package io.actorbeans.cluster;

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
 * Tests of the configuration metadata of the cluster and entity properties, which IDEs
 * read for completion.
 */
class ClusterConfigurationMetadataTests {

	@Test
	void clusterPropertiesAreDescribedWithTheirDefaults() throws IOException {
		assertThat(properties("actorbeans.cluster.enabled")).singleElement()
			.satisfies((property) -> assertThat(property).containsEntry("type", "java.lang.Boolean")
				.containsEntry("defaultValue", false));
		assertThat(properties("actorbeans.cluster.seed-nodes")).singleElement()
			.satisfies((property) -> assertThat(property.get("description")).asString().startsWith("Seed nodes"));
		assertThat(properties("actorbeans.cluster.downing.stable-after")).singleElement()
			.satisfies((property) -> assertThat(property).containsEntry("type", "java.time.Duration")
				.containsEntry("defaultValue", "20s"));
		assertThat(properties("actorbeans.cluster.pekko")).singleElement()
			.satisfies((property) -> assertThat(property.get("type")).asString().startsWith("java.util.Map"));
	}

	@Test
	void passivationPropertyIsDescribed() throws IOException {
		assertThat(properties("actorbeans.entity.passivate-after")).singleElement()
			.satisfies((property) -> assertThat(property.get("description")).asString()
				.startsWith("How long an entity may stay idle"));
	}

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
