package io.actorbeans.boot.autoconfigure;

import io.actorbeans.SpawnOptions;

/**
 * An {@code @Actor} bean, as found in the bean definitions.
 *
 * @param beanName the bean's name
 * @param actorName the actor's name: the annotation's, else the bean's name
 * @param options the spawn options from the annotation
 * @param prototype whether the bean is prototype-scoped (spawned on demand) rather than a
 * singleton (spawned at startup)
 */
record ActorDeclaration(String beanName, String actorName, SpawnOptions options, boolean prototype) {

	/** The name of the {@link io.actorbeans.ActorRef} bean of a singleton actor. */
	String refBeanName() {
		return this.beanName + "ActorRef";
	}

}
