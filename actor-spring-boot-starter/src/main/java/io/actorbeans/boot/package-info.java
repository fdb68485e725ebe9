/**
 * Spring beans that are actors: {@link io.actorbeans.boot.Actor @Actor},
 * {@link io.actorbeans.boot.ActorComponent @ActorComponent}, the
 * {@link io.actorbeans.boot.ActorFactory} for prototype actors, and the events the
 * starter publishes.
 */
@NullMarked
package io.actorbeans.boot;

import org.jspecify.annotations.NullMarked;
