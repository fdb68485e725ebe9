package io.actorbeans.benchmarks.cluster;

/**
 * The reply of both echo entities, actorbeans' and Pekko's: the request's number and the
 * remoting port of the node that answered, so that the caller checks both the answer and
 * that it crossed nodes. Immutable: any thread may use it.
 *
 * @param seq the number of the request
 * @param port the remoting port of the answering node
 * @since 0.1.0
 */
public record Echoed(long seq, int port) {
}
