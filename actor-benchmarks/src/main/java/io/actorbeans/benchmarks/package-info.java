/**
 * Side-by-side benchmarks of actorbeans, Apache Pekko (classic actors) and a raw hand-off
 * between threads with no actors: the {@link io.actorbeans.benchmarks.Comparison}
 * harness, the workloads of each system, and JMH benchmarks for the workloads JMH fits.
 * Uses only the public API of actorbeans.
 */
@NullMarked
package io.actorbeans.benchmarks;

import org.jspecify.annotations.NullMarked;
