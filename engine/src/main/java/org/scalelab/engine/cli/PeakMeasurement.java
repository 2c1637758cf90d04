package org.scalelab.engine.cli;

import org.scalelab.engine.bench.GemmPeak;
import org.scalelab.engine.provenance.EnvironmentInfo;

/**
 * What {@code scalelab bench peak} gets from its child JVM.
 *
 * @param threads     the native thread count the child's measuring thread had ({@code IntraOpThreads})
 * @param environment the child's, so the output names the native build and threads really used
 */
record PeakMeasurement(int threads, GemmPeak.Result result, EnvironmentInfo environment) {

    /** What {@code threads} cores of this peak would do: a rate over it is the share of the machine put to use. */
    double gflopsOn(int cores) {
        return result.gflops() * cores / threads;
    }
}
