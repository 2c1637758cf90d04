package org.scalelab.engine.cli;

import org.scalelab.engine.bench.LayerBenchmark;
import org.scalelab.engine.provenance.EnvironmentInfo;

/**
 * What {@code scalelab bench layers} gets from its child JVM.
 *
 * @param threads     the native thread count the child's measuring thread had ({@code IntraOpThreads})
 * @param environment the child's, so the output names the native build and threads really used
 */
record LayerMeasurement(int threads, LayerBenchmark.Result result, EnvironmentInfo environment) {
}
