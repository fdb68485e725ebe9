/**
 * Counters: one entity actor per counter id, activated on first use.
 */
@NullMarked
package io.actorbeans.sample.counter;

import org.jspecify.annotations.NullMarked;
