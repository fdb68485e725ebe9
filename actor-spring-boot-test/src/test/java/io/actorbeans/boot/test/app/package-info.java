/**
 * An application of actor beans, for the slice's tests.
 */
@NullMarked
package io.actorbeans.boot.test.app;

import org.jspecify.annotations.NullMarked;
