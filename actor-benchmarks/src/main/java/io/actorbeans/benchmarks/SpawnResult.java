package io.actorbeans.benchmarks;

/**
 * The figures of a spawn run.
 *
 * @param nanos the time to spawn every actor, until the last is ready to handle messages
 * @param bytesPerActor the heap retained per idle actor, from the used heap after full
 * garbage collections before and after the spawn
 * @since 0.1.0
 */
record SpawnResult(long nanos, double bytesPerActor) {
}
