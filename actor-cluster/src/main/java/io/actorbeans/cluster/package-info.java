/**
 * Entity actors across the replicas of a service, on Apache Pekko Cluster Sharding: the
 * public types of {@code actor-cluster}. No Pekko type appears in them.
 */
@NullMarked
package io.actorbeans.cluster;

import org.jspecify.annotations.NullMarked;
