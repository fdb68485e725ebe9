package io.actorbeans.cluster.autoconfigure;

import com.typesafe.config.Config;
import io.actorbeans.ActorSystem;
import io.actorbeans.boot.Entities;
import io.actorbeans.boot.EntityActivator;
import io.actorbeans.boot.EntityTypes;
import io.actorbeans.boot.autoconfigure.ActorAutoConfiguration;
import io.actorbeans.boot.autoconfigure.EntityAutoConfiguration;
import io.actorbeans.cluster.internal.ClusterEntities;
import io.actorbeans.cluster.internal.ClusterNode;
import io.actorbeans.cluster.internal.MessageCodec;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of this application as a node of a cluster that places each
 * {@link io.actorbeans.boot.EntityActor @EntityActor} entity exactly once across the
 * nodes, on Apache Pekko Cluster Sharding; with {@code actorbeans.cluster.enabled=true}.
 * Its {@link Entities} replace the local ones.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { ActorAutoConfiguration.class, JacksonAutoConfiguration.class },
		before = EntityAutoConfiguration.class)
@ConditionalOnBooleanProperty("actorbeans.cluster.enabled")
@EnableConfigurationProperties(ClusterProperties.class)
public final class ClusterAutoConfiguration {

	@Bean
	ClusterEntities entities(EntityTypes entityTypes) {
		return new ClusterEntities(entityTypes);
	}

	@Bean
	ClusterLifecycle clusterLifecycle(ClusterProperties properties, EntityTypes entityTypes,
			EntityActivator entityActivator, ObjectProvider<ObjectMapper> mappers, ClusterEntities entities,
			ActorSystem actorSystem) {
		MessageCodec codec = MessageCodec.of(MessageMappers.select(properties.getSerialization(), mappers),
				entityTypes.all());
		Config config = PekkoSettings.of(properties, ClusterAutoConfiguration.class.getClassLoader());
		return new ClusterLifecycle(() -> ClusterNode.start(config, properties.getName(), entityTypes, entityActivator,
				codec, properties.getReplyTimeout()), entities, actorSystem);
	}

}
