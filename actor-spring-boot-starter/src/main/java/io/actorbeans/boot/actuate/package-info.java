/**
 * Actuator support for the actor system: the {@code actors} health indicator and
 * endpoint, the actor metrics, and their auto-configurations.
 */
@NullMarked
package io.actorbeans.boot.actuate;

import org.jspecify.annotations.NullMarked;
