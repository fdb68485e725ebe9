/**
 * INTERNAL API: the runtime behind io.actorbeans; no compatibility promise.
 */
@NullMarked
package io.actorbeans.internal;

import org.jspecify.annotations.NullMarked;
