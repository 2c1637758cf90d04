package org.scalelab.engine.bench;

import java.util.Arrays;

/**
 * The middle of a set of timings: what the benchmarks report, because on a shared machine one slowed sample moves a
 * mean but not a median.
 */
public final class Median {
    private Median() {
    }

    /** The median of {@code values} (not changed); for an even count the mean of the two middle values. */
    public static double of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the median of no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
