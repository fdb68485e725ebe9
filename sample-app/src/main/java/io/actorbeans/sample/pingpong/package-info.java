/**
 * Ping-pong: two actors bounce a ball for a given time.
 */
@NullMarked
package io.actorbeans.sample.pingpong;

import org.jspecify.annotations.NullMarked;
