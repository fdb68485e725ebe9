/**
 * Auto-configuration of {@code actor-cluster}, and its properties.
 */
@NullMarked
package io.actorbeans.cluster.autoconfigure;

import org.jspecify.annotations.NullMarked;
