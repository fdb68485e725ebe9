package io.actorbeans;

import java.util.Locale;

/**
 * Which threads run an actor's handlers. At most one thread runs a given actor at a time,
 * whichever the dispatcher.
 *
 * @since 0.1.0
 */
public enum Dispatcher {

	/**
	 * A work-stealing pool shared by all such actors, one platform thread per core by
	 * default.
	 */
	SHARED,

	/**
	 * Each turn of the actor on a new virtual thread, for handlers that block on I/O.
	 * Java 21 or newer.
	 */
	VIRTUAL,

	/** A platform thread of the actor's own, for code that must own its thread. */
	THREAD,

	/**
	 * <strong>For tests only</strong>: the thread that sends a message to an idle actor
	 * runs the actor's handlers itself, before {@code send} returns, so that a unit test
	 * of one actor needs no waiting. An actor is still run by one thread at a time:
	 * <ul>
	 * <li>A message an actor sends itself is handled after the current handler returns,
	 * never inside it, and before the outer {@code send} returns: the calling thread
	 * handles messages until the mailbox is empty. An actor that keeps sending itself
	 * messages never lets {@code send} return.</li>
	 * <li>A handler that sends to another idle {@code CALLING_THREAD} actor runs that
	 * actor's handlers at once, nested, before its {@code send} returns (depth first). A
	 * message to an actor that is busy (a handler of it is running further up the same
	 * thread, as when an actor replies to its caller, or on another thread) is queued in
	 * its mailbox, and handled in order once its running handler returns.</li>
	 * <li>Timer ticks and ask timeouts run on the thread of the system's
	 * {@link ActorScheduler}: with a test's virtual time, on the thread that advances
	 * it.</li>
	 * </ul>
	 * A handler must not block waiting for an actor that is busy further up its own
	 * thread: a {@link Bridge#call} from a handler to its own caller waits for its
	 * timeout. Production actors share threads and must not use it: one slow handler
	 * would hold its caller, and a sender's thread would do other actors' work.
	 */
	CALLING_THREAD;

	/**
	 * The dispatcher of a name, as written in configuration: {@code shared},
	 * {@code virtual}, {@code thread} or {@code calling-thread}, in any case (or the
	 * constant's name).
	 * @param name the name
	 * @return the dispatcher
	 * @throws IllegalArgumentException for any other name, listing the accepted ones
	 */
	public static Dispatcher fromName(String name) {
		String trimmed = name.trim();
		for (Dispatcher dispatcher : values()) {
			if (dispatcher.configName().equalsIgnoreCase(trimmed) || dispatcher.name().equalsIgnoreCase(trimmed)) {
				return dispatcher;
			}
		}
		throw new IllegalArgumentException(
				"Unknown dispatcher '" + name + "': expected one of shared, virtual, thread, calling-thread");
	}

	/**
	 * The name used in configuration and introspection.
	 * @return the lower-case name, words joined by {@code -}
	 */
	public String configName() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
