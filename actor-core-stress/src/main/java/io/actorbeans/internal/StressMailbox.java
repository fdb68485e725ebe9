package io.actorbeans.internal;

/**
 * A mailbox with no actor, for the tests of the queue itself, which records the messages
 * its consumer takes and checks them. The messages are small integers: producer {@code p}
 * sends {@code 10 * p + 1}, then {@code 10 * p + 2}.
 */
final class StressMailbox extends Mailbox {

	private static final long serialVersionUID = 1L;

	/** Taken messages, in order; 0 for an envelope whose message was not visible. */
	private final int[] taken = new int[16];

	private int takenCount;

	/** Enqueue producer's first or second message. Any producer thread. */
	void send(int producer, int sequence) {
		enqueue(new Envelope(10 * producer + sequence, null));
	}

	/**
	 * Take one message, if there is one. Consumer only.
	 * @return whether there was one
	 */
	boolean takeOne() {
		Envelope envelope = poll();
		if (envelope == null) {
			return false;
		}
		Object message = envelope.message;
		envelope.message = null;
		if (this.takenCount < this.taken.length) {
			this.taken[this.takenCount] = (message instanceof Integer value) ? value : 0;
		}
		this.takenCount++;
		return true;
	}

	/**
	 * Take messages until the mailbox is empty, or {@code expected} were taken in all, or
	 * a number of tries ran out, spinning between empty polls. Consumer only.
	 */
	void takeWhileRacing(int expected, int tries) {
		for (int i = 0; i < tries && this.takenCount < expected; i++) {
			if (!takeOne()) {
				Thread.onSpinWait();
			}
		}
	}

	/** Take every message left. Consumer only, once the producers are done. */
	void drain() {
		while (this.takenCount <= this.taken.length && takeOne()) {
		}
	}

	/** How many messages were taken so far. Consumer only. */
	int takenCount() {
		return this.takenCount;
	}

	/**
	 * Whether each producer's two messages were taken exactly once, first before second.
	 * Consumer only, after {@link #drain()}.
	 * @return {@code ok}, {@code lost}, {@code duplicated}, {@code reordered} or
	 * {@code corrupt} (a message that was not visible, or never sent)
	 */
	String verdict(int producers) {
		if (this.takenCount > this.taken.length) {
			return "duplicated";
		}
		int[] firstAt = new int[producers + 1];
		int[] secondAt = new int[producers + 1];
		for (int i = 0; i < this.takenCount; i++) {
			int message = this.taken[i];
			int producer = message / 10;
			int sequence = message % 10;
			if (producer < 1 || producer > producers || sequence < 1 || sequence > 2) {
				return "corrupt";
			}
			int[] at = (sequence == 1) ? firstAt : secondAt;
			if (at[producer] != 0) {
				return "duplicated";
			}
			at[producer] = i + 1;
		}
		for (int producer = 1; producer <= producers; producer++) {
			if (firstAt[producer] == 0 || secondAt[producer] == 0) {
				return "lost";
			}
			if (secondAt[producer] < firstAt[producer]) {
				return "reordered";
			}
		}
		return "ok";
	}

	@Override
	void run() {
		throw new UnsupportedOperationException("A stress mailbox is never scheduled");
	}

}
