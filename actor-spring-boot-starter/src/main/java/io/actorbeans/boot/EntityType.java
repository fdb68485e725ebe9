package io.actorbeans.boot;

import java.time.Duration;

/**
 * An entity type: an {@link EntityActor @EntityActor} bean as the application declares
 * it.
 *
 * @param name the type's name, {@link EntityActor#value()}
 * @param beanName the name of its prototype bean
 * @param beanType the class of its bean
 * @param passivateAfter how long an entity may stay idle before it is passivated;
 * {@link Duration#ZERO} for never
 * @since 0.1.0
 */
public record EntityType(String name, String beanName, Class<?> beanType, Duration passivateAfter) {

	/**
	 * Whether idle entities of this type are passivated.
	 * @return {@code true} if {@link #passivateAfter()} is positive
	 */
	public boolean passivates() {
		return !this.passivateAfter.isNegative() && !this.passivateAfter.isZero();
	}

}
