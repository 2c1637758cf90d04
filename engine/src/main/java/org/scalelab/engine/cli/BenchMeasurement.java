package org.scalelab.engine.cli;

import org.scalelab.engine.bench.LayerBenchmark;
import org.scalelab.engine.provenance.EnvironmentInfo;

/**
 * One {@code scalelab bench} cell, as a child JVM reports it on its last output line.
 *
 * @param threads     the native thread count the child's measuring thread had ({@code IntraOpThreads})
 * @param gflops      the step's matrix work over its median time ({@link LayerBenchmark#flopsPerStep})
 * @param environment the child's, so the table shows the native build and threads really used
 */
record BenchMeasurement(String model, long parameters, int threads, int batchSize, int steps,
                        double medianStepMillis, double imagesPerSecond, double gflops,
                        EnvironmentInfo environment) {
}
