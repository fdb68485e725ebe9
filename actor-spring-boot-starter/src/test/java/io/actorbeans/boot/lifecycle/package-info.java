/**
 * Tests of the starter's lifecycle in a real web application.
 */
@NullMarked
package io.actorbeans.boot.lifecycle;

import org.jspecify.annotations.NullMarked;
