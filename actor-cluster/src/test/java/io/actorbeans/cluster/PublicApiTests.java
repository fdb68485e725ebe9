package io.actorbeans.cluster;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import io.actorbeans.cluster.autoconfigure.ClusterActorsEndpointAutoConfiguration;
import io.actorbeans.cluster.autoconfigure.ClusterActorsEndpointContributor;
import io.actorbeans.cluster.autoconfigure.ClusterAutoConfiguration;
import io.actorbeans.cluster.autoconfigure.ClusterHealthContributorAutoConfiguration;
import io.actorbeans.cluster.autoconfigure.ClusterHealthIndicator;
import io.actorbeans.cluster.autoconfigure.ClusterLifecycle;
import io.actorbeans.cluster.autoconfigure.ClusterProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public types of {@code actor-cluster}, and the entity types of the starter it
 * builds on, name no Pekko, Scala or Typesafe Config type in a public signature.
 */
class PublicApiTests {

	private static final List<Class<?>> PUBLIC_TYPES = List.of(ClusterUnavailableException.class,
			ClusterProperties.class, ClusterProperties.Downing.class, ClusterLifecycle.class,
			ClusterHealthIndicator.class, ClusterAutoConfiguration.class,
			ClusterHealthContributorAutoConfiguration.class, ClusterActorsEndpointContributor.class,
			ClusterActorsEndpointContributor.ClusterDescriptor.class,
			ClusterActorsEndpointContributor.MemberDescriptor.class, ClusterActorsEndpointAutoConfiguration.class,
			io.actorbeans.boot.Entities.class, io.actorbeans.boot.EntityRef.class,
			io.actorbeans.boot.EntityActivator.class, io.actorbeans.boot.EntityTypes.class,
			io.actorbeans.boot.EntityType.class);

	@Test
	void publicSignaturesNameNoPekkoType() {
		List<String> offending = new ArrayList<>();
		for (Class<?> type : PUBLIC_TYPES) {
			for (Method method : type.getMethods()) {
				List<Type> types = new ArrayList<>(List.of(method.getGenericParameterTypes()));
				types.add(method.getGenericReturnType());
				check(method.toGenericString(), types, offending);
			}
			for (Constructor<?> constructor : type.getConstructors()) {
				check(constructor.toGenericString(), List.of(constructor.getGenericParameterTypes()), offending);
			}
		}
		assertThat(offending).isEmpty();
	}

	private static void check(String member, List<Type> types, List<String> offending) {
		for (Type type : types) {
			String name = type.getTypeName();
			if (name.contains("org.apache.pekko") || name.contains("scala.") || name.contains("com.typesafe")) {
				offending.add(member);
			}
		}
	}

}
