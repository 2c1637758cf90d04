package org.scalelab.engine.training;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.scalelab.engine.model.kernels.IntraOpThreads;

/**
 * How many native (OpenMP) threads ND4J's operations started from the calling thread may use, and as many for the
 * kernels written in Java ({@link IntraOpThreads}). libnd4j, its BLAS and oneDNN all read the calling thread's
 * OpenMP setting, so every worker thread sets its own, once, before its first operation;
 * {@code Nd4j.getEnvironment().setMaxThreads} does not reach oneDNN.
 */
public final class NativeThreads {
    private NativeThreads() {
    }

    public static void useOnThisThread(int threads) {
        Nd4j.getBackend();  // NativeOpsHolder finds the native library only once the backend has been loaded
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        IntraOpThreads.useOnThisThread(threads);
    }
}
