/**
 * Counters: one prototype actor per counter id, spawned on first use.
 */
@NullMarked
package io.actorbeans.sample.counter;

import org.jspecify.annotations.NullMarked;
