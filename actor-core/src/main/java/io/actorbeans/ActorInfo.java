package io.actorbeans;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of one actor, for monitoring. The figures are read without stopping the
 * actor, so they may be slightly behind.
 *
 * @param name the actor's name
 * @param state where it is in its life
 * @param dispatcher the threads that run it
 * @param mailboxSize the messages waiting in its mailbox
 * @param processed the user messages it handled: taken by a handler (whether it returned
 * or threw), a {@link Stop}, or the outcome of a {@code pipeToSelf} (whatever its mapper
 * did); not the messages no handler took, which are dead letters, and a stashed message
 * only once it is handled for good
 * @param signals the runtime signals its handlers took: timer ticks, {@link Terminated}
 * notices and {@link Stopped} replies, counted apart from the user's messages
 * @param failures the messages whose handler threw
 * @param lastActivity when it last started a turn, or was spawned, to within about 10
 * milliseconds (read from a coarse clock, so that turns need not read the clock)
 * @param processingTime the time its handlers have taken, in all: estimated from one turn
 * in 16, timed whole (the runtime's small overhead between messages included) and counted
 * 16 times, so it is close for an actor that has run many turns and rough for one that
 * has run a few
 * @param parent the name of the actor that spawned it as a child, or {@code null} for an
 * actor spawned by its system
 * @since 0.1.0
 */
public record ActorInfo(String name, ActorState state, Dispatcher dispatcher, int mailboxSize, long processed,
		long signals, long failures, Instant lastActivity, Duration processingTime, @Nullable String parent) {
}
