package io.actorbeans.cluster.internal;

import java.time.Duration;
import java.util.List;

import io.actorbeans.Stop;
import io.actorbeans.Stopped;
import io.actorbeans.boot.EntityType;
import io.actorbeans.cluster.TestCounter;
import io.actorbeans.cluster.TestCounter.Increment;
import io.actorbeans.cluster.TestCounter.Reading;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.cbor.CBORMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link MessageCodec}: the allow-list of the types that cross nodes, and their
 * round trip through Jackson.
 */
class MessageCodecTests {

	private final MessageCodec codec = MessageCodec.of(new JsonMapper(),
			List.of(new EntityType("counter", "counter", TestCounter.class, Duration.ZERO)));

	@Test
	void listsTheHandlersParameterAndReturnTypesAndStopAndStopped() {
		assertThat(this.codec.listedNames()).containsExactlyInAnyOrder(Stop.class.getName(), Stopped.class.getName(),
				Increment.class.getName(), TestCounter.Get.class.getName(), TestCounter.History.class.getName(),
				TestCounter.Fail.class.getName(), TestCounter.PassivateNow.class.getName(), Reading.class.getName(),
				List.class.getName(), Long.class.getName());
	}

	@Test
	void roundTripsARecordAndAGenericReply() {
		Reading reading = new Reading(3, "node1");
		byte[] bytes = this.codec.write(this.codec.keyOf(reading, "counter/a"), reading);
		assertThat(this.codec.read(Reading.class.getName(), bytes, 0, bytes.length)).isEqualTo(reading);
		List<Long> history = List.of(1L, 2L);
		String key = this.codec.keyOf(history, "counter/a");
		assertThat(key).as("an immutable list goes as the handler's List<Long>").isEqualTo(List.class.getName());
		byte[] list = this.codec.write(key, history);
		assertThat(this.codec.read(key, list, 0, list.length)).isEqualTo(history);
	}

	@Test
	void roundTripsWithTheCborMapperThatBootConfigures() {
		MessageCodec cbor = MessageCodec.of(new CBORMapper(),
				List.of(new EntityType("counter", "counter", TestCounter.class, Duration.ZERO)));
		Reading reading = new Reading(3, "node1");
		byte[] bytes = cbor.write(cbor.keyOf(reading, "counter/a"), reading);
		assertThat(bytes).as("CBOR, not JSON text").isNotEqualTo(this.codec.write(Reading.class.getName(), reading));
		assertThat(cbor.read(Reading.class.getName(), bytes, 0, bytes.length)).isEqualTo(reading);
	}

	@Test
	void unlistedTypeFailsAtTheSenderNamingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.keyOf("text", "counter/a"))
			.withMessage("Cannot send java.lang.String to or from entity 'counter/a' across the cluster: it is no "
					+ "parameter or return type of a @Handles method of an @EntityActor bean, which are the types "
					+ "that may cross nodes");
	}

	@Test
	void readerRefusesAnUnlistedName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.codec.read("java.lang.ProcessBuilder", new byte[] { '{', '}' }, 0, 2))
			.withMessageStartingWith("Refusing to read a java.lang.ProcessBuilder from another node");
	}

}
