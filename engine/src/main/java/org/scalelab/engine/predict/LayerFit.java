package org.scalelab.engine.predict;

/**
 * One part of a training step (a layer, or the input conversion, loss and update together) as the model sees it:
 * seconds against the worker's batch with one native thread, and how much of it more native threads cannot share.
 *
 * @param serialFraction Amdahl's serial fraction s from the times with one and two native threads
 *                       (t₂ = t₁·(s + (1−s)/2)), measured by training (the {@link Calibrator}); above 1 when a second
 *                       thread made it slower, and then more threads are taken to be as slow as two (Amdahl's law
 *                       would extrapolate the slowdown without bound)
 */
public record LayerFit(String kind, LinearFit seconds, double serialFraction) {

    /** Seconds for {@code batch} images with {@code nativeThreads} threads: t₁(b)·(s + (1−s)/T). */
    public double seconds(double batch, int nativeThreads) {
        int threads = serialFraction > 1 ? Math.min(2, nativeThreads) : nativeThreads;
        return Math.max(0, seconds.at(batch)) * (serialFraction + (1 - serialFraction) / threads);
    }

    /** s from the time with one thread and with two, at the same batch. */
    public static double serialFraction(double oneThread, double twoThreads) {
        return oneThread <= 0 ? 1 : Math.max(0, 2 * twoThreads / oneThread - 1);
    }
}
