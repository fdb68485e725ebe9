/**
 * Components for the component-scanning tests of the starter.
 */
@NullMarked
package io.actorbeans.boot.autoconfigure.scan;

import org.jspecify.annotations.NullMarked;
