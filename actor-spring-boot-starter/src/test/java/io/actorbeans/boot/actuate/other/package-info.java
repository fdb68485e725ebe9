/**
 * A test actor in a package of its own.
 */
@NullMarked
package io.actorbeans.boot.actuate.other;

import org.jspecify.annotations.NullMarked;
