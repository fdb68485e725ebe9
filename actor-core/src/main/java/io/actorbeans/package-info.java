/**
 * The public API of actorbeans: lightweight actors that receive messages one at a time,
 * dispatched by message class to {@link io.actorbeans.Handles @Handles} methods, and a
 * {@link io.actorbeans.Bridge} that lets non-actor code call them.
 * <p>
 * Start with {@link io.actorbeans.ActorSystem#create()}. Nulls are not accepted anywhere
 * unless a parameter or return value says otherwise.
 */
@NullMarked
package io.actorbeans;

import org.jspecify.annotations.NullMarked;
