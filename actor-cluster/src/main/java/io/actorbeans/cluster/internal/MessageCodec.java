package io.actorbeans.cluster.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import io.actorbeans.Handles;
import io.actorbeans.Stop;
import io.actorbeans.Stopped;
import io.actorbeans.boot.EntityType;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.ObjectMapper;

import org.springframework.core.MethodIntrospector;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * Writes and reads the messages and replies of entities with Jackson (JSON or CBOR, as
 * the mapper writes), limited to an allow-list: the parameter and return types of the
 * {@code @Handles} methods of the entity beans, plus {@link Stop} and {@link Stopped}.
 * Thread-safe.
 */
public final class MessageCodec {

	/*-
	 * A payload is written under a key, the name of the listed type it belongs to: its own class if
	 * listed, else the first listed supertype (a List<Integer> reply as java.util.List, read back
	 * with the generic type of the handler). The key travels as the payload's manifest; the reader
	 * accepts only listed keys, so no class named by a remote node is ever loaded.
	 */

	private static final Map<String, MessageCodec> REGISTRY = new ConcurrentHashMap<>();

	private final ObjectMapper mapper;

	private final Map<String, Listed> listed;

	private final Map<Class<?>, Optional<Listed>> byClass = new ConcurrentHashMap<>();

	private MessageCodec(ObjectMapper mapper, Map<String, Listed> listed) {
		this.mapper = mapper;
		this.listed = listed;
	}

	/**
	 * The codec of the entity types of an application, checked: every listed type must be
	 * concrete (or a collection or map), and Jackson must be able to write and read it.
	 * @param mapper the mapper
	 * @param types the entity types
	 * @return the codec
	 * @throws IllegalStateException naming the type, the handler and the rule, if a type
	 * cannot be listed
	 */
	public static MessageCodec of(ObjectMapper mapper, Collection<EntityType> types) {
		Map<String, Listed> listed = new LinkedHashMap<>();
		add(mapper, listed, ResolvableType.forClass(Stop.class), "the Stop of Bridge.stop");
		add(mapper, listed, ResolvableType.forClass(Stopped.class), "the reply to Stop");
		for (EntityType type : types) {
			Map<Method, Handles> handlers = MethodIntrospector.selectMethods(type.beanType(),
					(MethodIntrospector.MetadataLookup<Handles>) (method) -> AnnotatedElementUtils
						.findMergedAnnotation(method, Handles.class));
			handlers.forEach((method, handles) -> {
				String where = "handler '" + method.toGenericString() + "' of entity type '" + type.name() + "'";
				if (handles.value() != void.class) {
					add(mapper, listed, ResolvableType.forClass(handles.value()), where);
				}
				else if (method.getParameterCount() > 0) {
					add(mapper, listed, ResolvableType.forMethodParameter(method, 0, type.beanType()), where);
				}
				ResolvableType reply = ResolvableType.forMethodReturnType(method, type.beanType());
				if (CompletionStage.class.isAssignableFrom(reply.toClass())) {
					reply = reply.as(CompletionStage.class).getGeneric(0);
				}
				Class<?> replyClass = reply.toClass();
				if (replyClass != void.class && replyClass != Void.class) {
					add(mapper, listed, reply, where);
				}
			});
		}
		return new MessageCodec(mapper, Map.copyOf(listed));
	}

	private static void add(ObjectMapper mapper, Map<String, Listed> listed, ResolvableType type, String where) {
		Class<?> raw = ClassUtils.resolvePrimitiveIfNecessary(type.toClass());
		if (raw == Object.class || (raw.isInterface() || Modifier.isAbstract(raw.getModifiers()))
				&& !Collection.class.isAssignableFrom(raw) && !Map.class.isAssignableFrom(raw)) {
			throw new IllegalStateException("Cannot send " + type + " across the cluster, for the " + where
					+ ": a message or reply that crosses nodes has a concrete type (a record, say), or is a "
					+ "collection or map, so that Jackson can read it back");
		}
		JavaType javaType = mapper.getTypeFactory()
			.constructType(raw.isPrimitive() || type.getType() instanceof Class ? raw : type.getType());
		Listed previous = listed.get(raw.getName());
		if (previous != null) {
			if (!previous.type().equals(javaType)) {
				throw new IllegalStateException("Cannot send " + raw.getName() + " across the cluster as both "
						+ previous.type() + " (" + previous.where() + ") and " + javaType + " (" + where
						+ "): give one of them a type of its own");
			}
			return;
		}
		try {
			listed.put(raw.getName(),
					new Listed(raw, javaType, mapper.writerFor(javaType), mapper.readerFor(javaType), where));
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(
					"Cannot send " + javaType + " across the cluster, for the " + where + ": Jackson cannot " + ex, ex);
		}
	}

	/**
	 * Register this codec for the Pekko serializer of one actor system.
	 * @param key the system's codec key
	 */
	void register(String key) {
		REGISTRY.put(key, this);
	}

	static void unregister(String key) {
		REGISTRY.remove(key);
	}

	static MessageCodec forKey(String key) {
		MessageCodec codec = REGISTRY.get(key);
		if (codec == null) {
			throw new IllegalStateException(
					"No message codec for key '" + key + "': the actor system was not " + "started by actor-cluster");
		}
		return codec;
	}

	/**
	 * The key a payload is written under, checking that it may cross nodes.
	 * @param payload the message or reply
	 * @param entity the entity it is for or from, for the message
	 * @return the key
	 * @throws IllegalArgumentException naming the class if it is not listed
	 */
	public String keyOf(Object payload, String entity) {
		Listed type = listedFor(payload.getClass());
		if (type == null) {
			throw new IllegalArgumentException("Cannot send " + payload.getClass().getName() + " to or from entity '"
					+ entity + "' across the cluster: it is no parameter or return type of a @Handles method of an "
					+ "@EntityActor bean, which are the types that may cross nodes");
		}
		return type.raw().getName();
	}

	private @Nullable Listed listedFor(Class<?> type) {
		return this.byClass.computeIfAbsent(type, (key) -> {
			Listed exact = this.listed.get(key.getName());
			if (exact != null) {
				return Optional.of(exact);
			}
			return this.listed.values().stream().filter((listed) -> listed.raw().isAssignableFrom(key)).findFirst();
		}).orElse(null);
	}

	byte[] write(String key, Object payload) {
		return listed(key).writer().writeValueAsBytes(payload);
	}

	Object read(String key, byte[] bytes, int offset, int length) {
		return listed(key).reader().readValue(bytes, offset, length);
	}

	private Listed listed(String key) {
		Listed type = this.listed.get(key);
		if (type == null) {
			throw new IllegalArgumentException("Refusing to read a " + key + " from another node: it is no parameter "
					+ "or return type of a @Handles method of an @EntityActor bean of this node");
		}
		return type;
	}

	/** The listed types, by name. */
	List<String> listedNames() {
		return List.copyOf(this.listed.keySet());
	}

	private record Listed(Class<?> raw, JavaType type, ObjectWriter writer, ObjectReader reader, String where) {
	}

}
