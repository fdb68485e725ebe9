package io.actorbeans.benchmarks;

/**
 * The messages of the workloads, the same classes for every system.
 *
 * @since 0.1.0
 */
final class Messages {

	private Messages() {
	}

	/**
	 * The message of a ping-pong pair: one instance bounces back and forth, so the
	 * workload measures the hand-off, not the allocation of messages.
	 */
	static final class Ball {

		static final Ball INSTANCE = new Ball();

		private Ball() {
		}

	}

	/**
	 * A fan-in message: the producer's number and its sequence number.
	 *
	 * @param producer the producer, from 0
	 * @param sequence the sequence number of the message from that producer, from 0
	 */
	record Item(int producer, int sequence) {
	}

	/**
	 * A request-reply request, echoed back as its reply.
	 *
	 * @param caller the calling thread, from 0
	 * @param sequence the number of the call of that thread
	 */
	record Echo(int caller, int sequence) {
	}

	/**
	 * Asks a tree node to sum the numbers from {@code first} to {@code first + size - 1}:
	 * a leaf ({@code size == 1}) replies its number, any other node spawns 10 children
	 * for the tenths of its range and replies the sum of their replies.
	 *
	 * @param first the first number of the range
	 * @param size the size of the range, a power of 10
	 */
	record Start(long first, long size) {
	}

	/**
	 * The sum of {@code 0 .. leaves - 1}, the answer of a tree.
	 * @param leaves the number of leaves
	 * @return the expected sum
	 */
	static long treeSum(long leaves) {
		return leaves * (leaves - 1) / 2;
	}

}
