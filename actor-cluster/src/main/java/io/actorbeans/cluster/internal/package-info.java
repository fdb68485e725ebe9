/**
 * INTERNAL API: the Pekko side of {@code actor-cluster}. Not for applications; may change
 * in any release.
 */
@NullMarked
package io.actorbeans.cluster.internal;

import org.jspecify.annotations.NullMarked;
