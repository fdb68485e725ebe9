package io.actorbeans.benchmarks.cluster;

/**
 * One way of calling the echo entities from node 1 and waiting for the reply.
 *
 * @param label the name in the output
 * @param call the call; thread-safe
 * @since 0.1.0
 */
record Contender(String label, Call call) {

	/** A synchronous call. Thread-safe. */
	@FunctionalInterface
	interface Call {

		/**
		 * Ask an entity for the echo of a number and wait for the reply.
		 * @param id the entity's id
		 * @param seq the number
		 * @return the reply
		 */
		Echoed call(String id, long seq);

	}

}
