package io.actorbeans.cluster.autoconfigure;

import io.actorbeans.cluster.autoconfigure.ClusterProperties.Serialization;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.cbor.CBORMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link MessageMappers}: the mapper of each serialization among Spring Boot's.
 */
class MessageMappersTests {

	private final JsonMapper json = new JsonMapper();

	private final CBORMapper cbor = new CBORMapper();

	@Test
	void eachSerializationTakesTheMapperOfItsFormat() {
		ObjectProvider<ObjectMapper> both = mappers(this.cbor, this.json);
		assertThat(MessageMappers.select(Serialization.JSON, both)).isSameAs(this.json);
		assertThat(MessageMappers.select(Serialization.CBOR, both)).isSameAs(this.cbor);
	}

	@Test
	void jsonWithoutAMapperBeanTakesAPlainOne() {
		assertThat(MessageMappers.select(Serialization.JSON, mappers())).isInstanceOf(JsonMapper.class);
	}

	@Test
	void cborWithoutItsMapperFailsNamingThePropertyAndTheDependency() {
		assertThatIllegalStateException()
			.isThrownBy(() -> MessageMappers.select(Serialization.CBOR, mappers(this.json)))
			.withMessage("Invalid property 'actorbeans.cluster.serialization': 'cbor' needs the CBORMapper bean that "
					+ "Spring Boot configures when tools.jackson.dataformat:jackson-dataformat-cbor is on the "
					+ "classpath, and there is none");
	}

	private static ObjectProvider<ObjectMapper> mappers(ObjectMapper... mappers) {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		for (int i = 0; i < mappers.length; i++) {
			beanFactory.registerSingleton("mapper" + i, mappers[i]);
		}
		return beanFactory.getBeanProvider(ObjectMapper.class);
	}

}
