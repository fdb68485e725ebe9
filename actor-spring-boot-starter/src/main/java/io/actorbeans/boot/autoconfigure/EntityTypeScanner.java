package io.actorbeans.boot.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.actorbeans.boot.EntityActor;
import io.actorbeans.boot.EntityType;
import io.actorbeans.boot.EntityTypes;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Finds the {@link EntityActor @EntityActor} beans of a context and resolves each one's
 * passivation, from its property or its annotation. Called once, at startup.
 */
final class EntityTypeScanner {

	private static final String PASSIVATE_AFTER = "actorbeans.entity.passivate-after";

	private EntityTypeScanner() {
	}

	static EntityTypes scan(ConfigurableListableBeanFactory beanFactory, Environment environment,
			EntityProperties properties) {
		List<EntityType> types = new ArrayList<>();
		for (String beanName : beanFactory.getBeanNamesForAnnotation(EntityActor.class)) {
			EntityActor entity = beanFactory.findAnnotationOnBean(beanName, EntityActor.class, false);
			Class<?> beanType = beanFactory.getType(beanName, false);
			if (entity == null || beanType == null) {
				continue;
			}
			beanType = ClassUtils.getUserClass(beanType);
			if (!beanFactory.getMergedBeanDefinition(beanName).isPrototype()) {
				throw new IllegalStateException("Invalid @EntityActor bean '" + beanName + "' (" + beanType.getName()
						+ "): an entity bean is prototype-scoped, one instance per entity id; declare it by scanning "
						+ "its class, or give its @Bean method @Scope(\"prototype\")");
			}
			types.add(new EntityType(entity.value(), beanName, beanType,
					passivateAfter(entity, beanType, environment, properties.getPassivateAfter())));
		}
		EntityTypes entityTypes = new EntityTypes(types);
		for (Map.Entry<String, Duration> entry : properties.getPassivateAfter().entrySet()) {
			try {
				entityTypes.get(entry.getKey());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException(
						"Invalid property '" + PASSIVATE_AFTER + "." + entry.getKey() + "': " + ex.getMessage());
			}
		}
		return entityTypes;
	}

	private static Duration passivateAfter(EntityActor entity, Class<?> beanType, Environment environment,
			Map<String, Duration> configured) {
		Duration configuredValue = configured.get(entity.value());
		if (configuredValue != null) {
			if (configuredValue.isNegative()) {
				throw new IllegalStateException("Invalid property '" + PASSIVATE_AFTER + "." + entity.value() + "': "
						+ configuredValue + " is negative; expected a positive duration, or 0 for never");
			}
			return configuredValue;
		}
		String value = entity.passivateAfter();
		String resolved;
		Duration duration;
		try {
			resolved = environment.resolveRequiredPlaceholders(value).trim();
			duration = resolved.isEmpty() ? Duration.ZERO : DurationStyle.detectAndParse(resolved, ChronoUnit.MILLIS);
		}
		catch (RuntimeException ex) {
			throw invalidPassivateAfter(entity, beanType, value, "it is not a duration (" + ex.getMessage() + ")");
		}
		if (duration.isNegative()) {
			throw invalidPassivateAfter(entity, beanType, value, "it is negative");
		}
		return duration;
	}

	private static IllegalStateException invalidPassivateAfter(EntityActor entity, Class<?> beanType, String value,
			String reason) {
		return new IllegalStateException("Invalid @EntityActor(value = \"" + entity.value() + "\", passivateAfter = \""
				+ value + "\") on " + beanType.getName() + ": " + reason
				+ "; expected a duration such as 500ms, 10m or PT1H, or empty for never");
	}

}
