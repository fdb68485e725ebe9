/**
 * Operations: the ops user and the security of the actuator endpoints.
 */
@NullMarked
package io.actorbeans.sample.ops;

import org.jspecify.annotations.NullMarked;
