/**
 * Testing actor beans: the {@link io.actorbeans.boot.test.ActorTest @ActorTest} slice,
 * {@link io.actorbeans.boot.test.TestProbeBean @TestProbeBean} to stand a
 * {@link io.actorbeans.test.TestProbe} in for an actor bean, and virtual time for the
 * actor system's timers.
 */
@NullMarked
package io.actorbeans.boot.test;

import org.jspecify.annotations.NullMarked;
