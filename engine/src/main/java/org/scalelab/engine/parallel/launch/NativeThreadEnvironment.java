package org.scalelab.engine.parallel.launch;

import java.util.Map;

/**
 * What a child JVM's native libraries must be told before it starts: how many OpenMP threads ND4J and oneDNN may use
 * ({@code OMP_NUM_THREADS}, read once at load), and that an idle OpenMP thread sleeps rather than spins
 * ({@code OMP_WAIT_POLICY=PASSIVE}, unless this process was given a policy of its own). libgomp's default spins for
 * a while after every parallel region; on two cores the spinning thread takes the core the next operation's
 * second thread, or the worker's Java pooling threads, would use: with two native threads {@code mlp-235k} trained
 * at 0.13–0.15× of one thread spinning and 0.71–0.77× sleeping, {@code cnn-1m} at 1.07–1.36× against 1.18–1.49×
 * ({@code bench}, docs/PERFORMANCE.md). The {@code scalelab} launcher sets the same policy for its own JVM.
 */
public final class NativeThreadEnvironment {
    private NativeThreadEnvironment() {
    }

    public static Map<String, String> forThreads(int threads) {
        return Map.of("OMP_NUM_THREADS", Integer.toString(threads),
                "OMP_WAIT_POLICY", System.getenv().getOrDefault("OMP_WAIT_POLICY", "PASSIVE"));
    }
}
