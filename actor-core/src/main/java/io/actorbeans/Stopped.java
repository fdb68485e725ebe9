package io.actorbeans;

/**
 * An actor's reply to {@link Stop}: it has ended and will handle no other message.
 *
 * @param actor the name of the actor that stopped
 * @since 0.1.0
 */
public record Stopped(String actor) {
}
