/**
 * Auto-configuration of the actor system, the actor beans and the Bridge bean.
 */
@NullMarked
package io.actorbeans.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
