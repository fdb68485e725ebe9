/**
 * Cross-node request-reply on a three-node cluster in one JVM: actorbeans' entities
 * ({@code Entities} and {@code Bridge}) against Apache Pekko's own sharded ask, on the
 * same Pekko actor systems; the
 * {@link io.actorbeans.benchmarks.cluster.ClusterRequestReply} harness.
 */
@NullMarked
package io.actorbeans.benchmarks.cluster;

import org.jspecify.annotations.NullMarked;
