package io.actorbeans.benchmarks;

/**
 * How big each workload is.
 *
 * @param pingPongMessages the messages each ping-pong pair exchanges, both directions
 * @param fanInProducers the producer threads of the fan-in
 * @param fanInMessages the messages each fan-in producer sends
 * @param spawnActors the idle actors spawned
 * @param requestReplyThreads the calling threads (and echo actors) of request-reply
 * @param requestReplyCalls the calls of all threads together
 * @param treeLeaves the leaves of the tree, a power of 10
 * @since 0.1.0
 */
record Counts(int pingPongMessages, int fanInProducers, int fanInMessages, int spawnActors, int requestReplyThreads,
		int requestReplyCalls, int treeLeaves) {

	/** The sizes of the issue: a full comparison. */
	static Counts full() {
		return new Counts(4_000_000, 4, 2_000_000, 1_000_000, 8, 200_000, 1_000_000);
	}

	/** A few thousand of each, for the smoke test. */
	static Counts tiny() {
		return new Counts(2_000, 4, 1_000, 2_000, 8, 800, 1_000);
	}

	/**
	 * These counts scaled down, for warm-up rounds.
	 * @param divisor what to divide by
	 * @return smaller counts; the tree keeps a power of 10
	 */
	Counts dividedBy(int divisor) {
		int leaves = this.treeLeaves;
		for (int d = 1; d < divisor && leaves >= 100; d *= 10) {
			leaves /= 10;
		}
		return new Counts(Math.max(2, this.pingPongMessages / divisor), this.fanInProducers,
				Math.max(1, this.fanInMessages / divisor), Math.max(1, this.spawnActors / divisor),
				this.requestReplyThreads, Math.max(this.requestReplyThreads, this.requestReplyCalls / divisor), leaves);
	}

}
