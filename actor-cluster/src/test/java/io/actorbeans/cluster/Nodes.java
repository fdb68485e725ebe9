package io.actorbeans.cluster;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which node a handler runs on, in tests that run several nodes in one JVM: each node's
 * actors run on threads named after its actor system, which is named after the node.
 */
final class Nodes {

	static final AtomicInteger DESTROYED = new AtomicInteger();

	private Nodes() {
	}

	/** The node of the calling handler: its thread name's prefix, up to the first '-'. */
	static String self() {
		String thread = Thread.currentThread().getName();
		int dash = thread.indexOf('-');
		return (dash > 0) ? thread.substring(0, dash) : thread;
	}

	static void destroyed() {
		DESTROYED.incrementAndGet();
	}

}
