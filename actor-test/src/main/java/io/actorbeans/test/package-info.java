/**
 * Test support for actors: a {@link io.actorbeans.test.TestProbe} stands in for an actor
 * in a test, records what it is sent and replies on request. Add this module with test
 * scope only.
 */
@NullMarked
package io.actorbeans.test;

import org.jspecify.annotations.NullMarked;
