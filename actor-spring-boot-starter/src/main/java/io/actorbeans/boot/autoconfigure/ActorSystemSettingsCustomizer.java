package io.actorbeans.boot.autoconfigure;

import io.actorbeans.ActorSystemSettings;

/**
 * Callback to change the {@link ActorSystemSettings} of the auto-configured actor system
 * before it is created, after the {@code actorbeans.*} properties have been applied.
 * Every bean of this type is called, in {@link org.springframework.core.annotation.Order
 * order}, with the settings the previous one returned.
 * <p>
 * Called once, on the thread that creates the actor system bean.
 *
 * <pre class="code">
 * &#64;Bean
 * ActorSystemSettingsCustomizer throughputCustomizer() {
 *     return (settings) -&gt; settings.withThroughput(64);
 * }
 * </pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ActorSystemSettingsCustomizer {

	/**
	 * Customize the settings.
	 * @param settings the settings so far
	 * @return the settings to use, changed or not; never {@code null}
	 */
	ActorSystemSettings customize(ActorSystemSettings settings);

}
