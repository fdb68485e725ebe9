package io.actorbeans.cluster.autoconfigure;

import io.actorbeans.cluster.autoconfigure.ClusterProperties.Serialization;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Chooses the Jackson mapper of the messages between nodes among those Spring Boot
 * configures, by {@code actorbeans.cluster.serialization}.
 */
final class MessageMappers {

	private MessageMappers() {
	}

	static ObjectMapper select(Serialization serialization, ObjectProvider<ObjectMapper> mappers) {
		return mappers.orderedStream()
			.filter((mapper) -> serialization.name().equalsIgnoreCase(mapper.tokenStreamFactory().getFormatName()))
			.findFirst()
			.orElseGet(() -> {
				if (serialization == Serialization.JSON) {
					return new JsonMapper();
				}
				throw new IllegalStateException("Invalid property 'actorbeans.cluster.serialization': '"
						+ serialization.name().toLowerCase() + "' needs the CBORMapper bean that Spring Boot "
						+ "configures when tools.jackson.dataformat:jackson-dataformat-cbor is on the classpath, "
						+ "and there is none");
			});
	}

}
