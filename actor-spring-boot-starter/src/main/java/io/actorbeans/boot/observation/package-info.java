/**
 * Observability of the actor system: the context each message carries (with Micrometer's
 * context-propagation library), the observations of handled messages and of Bridge calls
 * with their conventions, and their auto-configurations.
 */
@NullMarked
package io.actorbeans.boot.observation;

import org.jspecify.annotations.NullMarked;
