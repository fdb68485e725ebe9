package io.actorbeans.benchmarks;

import io.actorbeans.benchmarks.Messages.Item;

/**
 * The receiving end of a fan-in: checks that each producer's messages arrive complete and
 * in order. Used by one thread at a time (the actor's, or the raw consumer's);
 * {@link #verify()} is called after a happens-before edge (the done latch).
 *
 * @since 0.1.0
 */
final class FanInCheck {

	private final int[] next;

	private final long expected;

	private long received;

	private long outOfOrder;

	FanInCheck(int producers, int messagesPerProducer) {
		this.next = new int[producers];
		this.expected = (long) producers * messagesPerProducer;
	}

	/**
	 * Check one message.
	 * @param item the message
	 * @return whether it was the last expected message
	 */
	boolean accept(Item item) {
		if (item.sequence() != this.next[item.producer()]) {
			this.outOfOrder++;
		}
		this.next[item.producer()] = item.sequence() + 1;
		return ++this.received == this.expected;
	}

	/**
	 * Throw if a message was lost or reordered.
	 * @param messagesPerProducer the messages each producer sent
	 */
	void verify(int messagesPerProducer) {
		if (this.outOfOrder != 0) {
			throw new WrongAnswerException("Fan-in: " + this.outOfOrder + " messages out of order");
		}
		for (int producer = 0; producer < this.next.length; producer++) {
			if (this.next[producer] != messagesPerProducer) {
				throw new WrongAnswerException("Fan-in: producer " + producer + " delivered " + this.next[producer]
						+ " of " + messagesPerProducer + " messages");
			}
		}
	}

}
