package org.scalelab.engine.parallel.comm;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs one body per rank on its own thread and returns what each returned, in rank order. */
public final class ThreadedRanks {
    private ThreadedRanks() {
    }

    public static <T> List<T> run(int ranks, IntFunction<T> body) {
        ExecutorService threads = Executors.newFixedThreadPool(ranks);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int rank = 0; rank < ranks; rank++) {
                int me = rank;
                futures.add(threads.submit(() -> body.apply(me)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } catch (ExecutionException e) {
            throw new AssertionError("a rank failed: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            threads.shutdownNow();
        }
    }

    /** Seeded values that differ per rank and are not exactly representable sums, so order shows. */
    public static float[] randomValues(int rank, int length) {
        Random random = new Random(1000L * rank + length);
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    /** Element-wise sum over ranks in rank order: what a serial loop computes. */
    static float[] serialSum(int ranks, int length) {
        float[] sum = randomValues(0, length);
        for (int rank = 1; rank < ranks; rank++) {
            float[] values = randomValues(rank, length);
            for (int i = 0; i < length; i++) {
                sum[i] += values[i];
            }
        }
        return sum;
    }
}
