package io.actorbeans.boot.autoconfigure;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The {@code @Actor} beans of the application context, found by
 * {@link ActorBeanRegistrar}. Immutable; thread-safe.
 */
final class ActorDeclarations {

	static final String BEAN_NAME = "io.actorbeans.boot.autoconfigure.actorDeclarations";

	private final Map<String, ActorDeclaration> byBeanName;

	ActorDeclarations(Collection<ActorDeclaration> declarations) {
		this.byBeanName = declarations.stream()
			.collect(Collectors.toUnmodifiableMap(ActorDeclaration::beanName, Function.identity()));
	}

	@Nullable ActorDeclaration forBean(String beanName) {
		return this.byBeanName.get(beanName);
	}

	List<ActorDeclaration> all() {
		return List.copyOf(this.byBeanName.values());
	}

}
