package org.scalelab.engine.training;

import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * How many native (OpenMP) threads ND4J's operations started from the calling thread may use. libnd4j, its
 * BLAS and oneDNN all read the calling thread's OpenMP setting, so every worker thread sets its own, once,
 * before its first operation; {@code Nd4j.getEnvironment().setMaxThreads} does not reach oneDNN.
 */
public final class NativeThreads {
    private NativeThreads() {
    }

    public static void useOnThisThread(int threads) {
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
    }
}
