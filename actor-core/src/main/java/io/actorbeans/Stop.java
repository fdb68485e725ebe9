package io.actorbeans;

/**
 * Asks an actor to stop. It is handled in mailbox order, by the runtime: messages sent
 * before it are handled first; the actor then replies {@link Stopped} to the sender and
 * ends, and the messages behind it become dead letters. A behaviour cannot handle it
 * itself.
 *
 * @since 0.1.0
 */
public record Stop() {
}
