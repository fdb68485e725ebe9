package io.actorbeans.cluster.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;

import io.actorbeans.cluster.internal.EntityMessages.Deliver;
import io.actorbeans.cluster.internal.EntityMessages.Failure;
import io.actorbeans.cluster.internal.EntityMessages.Outcome;
import io.actorbeans.cluster.internal.EntityMessages.Reply;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.jspecify.annotations.Nullable;

/**
 * INTERNAL API: the Pekko serializer of the messages between entities and their callers
 * on other nodes. The user's payload is written by the {@link MessageCodec} of the
 * system, with Jackson, limited to the entity types' allow-list; there is no Java
 * serialization. Pekko creates it, once per actor system, and calls it from any thread.
 */
public final class EntityMessageSerializer extends SerializerWithStringManifest {

	/*-
	 * Layout, after the manifest (D, R or F):
	 *   Deliver  replyTo (UTF, empty for none), payload key (UTF), payload bytes
	 *   Reply    payload key (UTF), payload bytes
	 *   Failure  kind, message (UTF each)
	 */

	/** The config path of the codec key of a system. */
	static final String CODEC_KEY = "actorbeans.codec-key";

	private static final String DELIVER = "D";

	private static final String REPLY = "R";

	private static final String FAILURE = "F";

	private final ExtendedActorSystem system;

	private final MessageCodec codec;

	private volatile @Nullable ActorRefResolver resolver;

	public EntityMessageSerializer(ExtendedActorSystem system) {
		this.system = system;
		this.codec = MessageCodec.forKey(system.settings().config().getString(CODEC_KEY));
	}

	@Override
	public int identifier() {
		return 1_742_118;
	}

	@Override
	public String manifest(Object message) {
		if (message instanceof Deliver) {
			return DELIVER;
		}
		if (message instanceof Reply) {
			return REPLY;
		}
		if (message instanceof Failure) {
			return FAILURE;
		}
		throw new IllegalArgumentException("Cannot serialize " + message.getClass().getName());
	}

	@Override
	public byte[] toBinary(Object message) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			if (message instanceof Deliver deliver) {
				ActorRef<Outcome> replyTo = deliver.replyTo();
				out.writeUTF((replyTo != null) ? resolver().toSerializationFormat(replyTo) : "");
				writePayload(out, deliver.payload());
			}
			else if (message instanceof Reply reply) {
				writePayload(out, reply.payload());
			}
			else if (message instanceof Failure failure) {
				out.writeUTF(failure.kind());
				out.writeUTF(failure.message());
			}
			else {
				throw new IllegalArgumentException("Cannot serialize " + message.getClass().getName());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private void writePayload(DataOutputStream out, Object payload) throws IOException {
		String key = this.codec.keyOf(payload, "?");
		out.writeUTF(key);
		out.write(this.codec.write(key, payload));
	}

	@Override
	public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
		ByteArrayInputStream stream = new ByteArrayInputStream(bytes);
		try (DataInputStream in = new DataInputStream(stream)) {
			return switch (manifest) {
				case DELIVER -> {
					String replyTo = in.readUTF();
					ActorRef<Outcome> ref = replyTo.isEmpty() ? null : resolver().resolveActorRef(replyTo);
					yield new Deliver(readPayload(in, bytes, stream), ref);
				}
				case REPLY -> new Reply(readPayload(in, bytes, stream));
				case FAILURE -> new Failure(in.readUTF(), in.readUTF());
				default -> throw new NotSerializableException("Unknown manifest '" + manifest + "'");
			};
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Object readPayload(DataInputStream in, byte[] bytes, ByteArrayInputStream stream) throws IOException {
		String key = in.readUTF();
		int remaining = stream.available();
		return this.codec.read(key, bytes, bytes.length - remaining, remaining);
	}

	private ActorRefResolver resolver() {
		ActorRefResolver resolver = this.resolver;
		if (resolver == null) {
			resolver = ActorRefResolver.get(Adapter.toTyped(this.system));
			this.resolver = resolver;
		}
		return resolver;
	}

}
