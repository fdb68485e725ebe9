package io.actorbeans.boot.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the {@link io.actorbeans.boot.EntityActor @EntityActor} types, under
 * {@code actorbeans.entity}. Bound once at startup.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("actorbeans.entity")
public class EntityProperties {

	/**
	 * How long an entity may stay idle before it is passivated (stopped, its in-memory
	 * state lost), by entity type; 0 for never. Overrides the type's
	 * {@code @EntityActor(passivateAfter)}.
	 */
	private Map<String, Duration> passivateAfter = new LinkedHashMap<>();

	public Map<String, Duration> getPassivateAfter() {
		return this.passivateAfter;
	}

	public void setPassivateAfter(Map<String, Duration> passivateAfter) {
		this.passivateAfter = passivateAfter;
	}

}
