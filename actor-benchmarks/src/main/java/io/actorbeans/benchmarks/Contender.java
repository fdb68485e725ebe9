package io.actorbeans.benchmarks;

/**
 * One system under test, freshly started: it runs each workload in its own idiomatic
 * form, checks the answer, and reports the figures. A contender is used by one thread at
 * a time and closed after its runs.
 * <p>
 * Every method throws {@link WrongAnswerException} when the workload's answer is wrong (a
 * message lost or reordered, a wrong sum or reply), and
 * {@link UnsupportedOperationException} for a workload the system has no form of.
 *
 * @since 0.1.0
 */
interface Contender extends AutoCloseable {

	/**
	 * Bounce one message back and forth between the two actors of each pair.
	 * @param pairs the number of pairs, all bouncing at once
	 * @param messagesPerPair the messages each pair exchanges, both directions counted
	 * @return the elapsed nanoseconds, from the first send until every pair is done
	 */
	long pingPong(int pairs, int messagesPerPair);

	/**
	 * Plain threads send numbered messages to one actor, which checks that each
	 * producer's messages arrive complete and in order.
	 * @param producers the number of producer threads
	 * @param messagesPerProducer the messages each producer sends
	 * @return the elapsed nanoseconds, from the start of the producers until the actor
	 * has handled the last message
	 */
	long fanIn(int producers, int messagesPerProducer);

	/**
	 * Spawn idle actors, each with a name of its own, and keep them alive until
	 * {@link #close()}.
	 * @param actors the number of actors
	 * @return the spawn time and the heap retained per actor
	 */
	SpawnResult spawn(int actors);

	/**
	 * Plain threads make synchronous calls, each thread to an echo actor of its own.
	 * @param threads the number of calling threads and echo actors
	 * @param calls the number of calls, all threads together
	 * @return the elapsed time and the latency of each call
	 */
	RequestReplyResult requestReply(int threads, int calls);

	/**
	 * The "skynet" tree: a root actor spawns 10 children, each of them 10 more, down to
	 * one leaf actor per number; each leaf replies its number and each parent the sum of
	 * its children's replies.
	 * @param leaves the number of leaves, a power of 10
	 * @return the elapsed nanoseconds, from the request to the root until its reply
	 */
	long tree(int leaves);

	/**
	 * Shut the system down, waiting for it.
	 */
	@Override
	void close();

}
