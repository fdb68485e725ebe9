package io.actorbeans;

/**
 * Sent to an actor that {@link ActorContext#watch(ActorRef) watches} another, once the
 * watched actor has ended: at once if it had already ended when the watch began.
 * Delivered at most once per watch, and never after {@link ActorContext#unwatch(ActorRef)
 * unwatch}.
 *
 * @param actor the actor that ended
 * @param failed {@code true} if it ended of a failure (a handler threw under
 * {@link FailurePolicy#STOP}, or a restart failed); {@code false} if it stopped normally
 * @since 0.1.0
 */
public record Terminated(ActorRef actor, boolean failed) {
}
