package org.scalelab.engine.predict;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * How one worker's step time is spread: its quantiles at evenly spaced probabilities, over a reference step (the mean
 * step of a worker alone on the host), so that the mean of a distribution measured beside another worker says how
 * much slower it made each step.
 *
 * <p>Kept whole rather than as a standard deviation: beside a second worker the steps of this 2-vCPU machine have a
 * long tail (cnn-1m at batch 32: the slower of two ends 4–8 % of a step past the mean, where a normal with the steps'
 * interquartile spread gave about 1 %), and the slowest of W workers lands in that tail.
 *
 * @param quantiles ascending; quantile i at probability (i + ½)/n
 */
public record StepDistribution(double[] quantiles) {
    /** Most quantiles kept: enough to follow the tail, few enough for a readable calibration file. */
    static final int MAX_QUANTILES = 64;

    /** Every step exactly as long as the reference: no spread, no slowdown. */
    public static final StepDistribution STEADY = new StepDistribution(new double[] {1});

    @JsonCreator
    public StepDistribution {
        if (quantiles == null || quantiles.length == 0) {
            throw new IllegalArgumentException("a step distribution needs at least one quantile");
        }
        quantiles = quantiles.clone();
        for (int i = 0; i < quantiles.length; i++) {
            if (!(quantiles[i] > 0) || (i > 0 && quantiles[i] < quantiles[i - 1])) {
                throw new IllegalArgumentException("step quantiles " + Arrays.toString(quantiles)
                        + ": expected ascending values > 0");
            }
        }
    }

    @JsonValue
    @Override
    public double[] quantiles() {
        return quantiles.clone();
    }

    /**
     * The distribution of {@code steps} (any order, any unit) over {@code reference} (the same unit), as at most
     * {@value #MAX_QUANTILES} quantiles interpolated in the sorted steps.
     */
    public static StepDistribution of(double[] steps, double reference) {
        if (steps.length == 0 || !(reference > 0)) {
            throw new IllegalArgumentException("expected steps and a reference step > 0");
        }
        double[] sorted = steps.clone();
        Arrays.sort(sorted);
        int n = Math.min(MAX_QUANTILES, sorted.length);
        double[] quantiles = new double[n];
        for (int i = 0; i < n; i++) {
            double position = (i + 0.5) / n * sorted.length - 0.5;
            int below = (int) Math.floor(Math.max(0, position));
            int above = Math.min(sorted.length - 1, below + 1);
            double weight = Math.max(0, position) - below;
            double interpolated = (sorted[below] * (1 - weight) + sorted[above] * weight) / reference;
            // between equal steps the interpolation can round a last bit below the quantile before
            quantiles[i] = i == 0 ? interpolated : Math.max(quantiles[i - 1], interpolated);
        }
        return new StepDistribution(quantiles);
    }

    /** The mean step over the reference: 1 alone, how much slower a step runs beside another worker. */
    public double mean() {
        return Arrays.stream(quantiles).average().orElseThrow();
    }

    /**
     * How far past the mean step the slowest of {@code workers} independent workers' steps ends, over the reference:
     * E[max of W draws] − mean, with E[max] = Σ q_i·((i+1)/n)^W − (i/n)^W). Workers that meet only every k steps wait
     * for the slowest sum of k steps, whose deviation from k means is √k times one step's: per step, 1/√k of it.
     */
    public double lagOfSlowest(int workers, double stepsBetweenMeetings) {
        if (workers <= 1) {
            return 0;
        }
        int n = quantiles.length;
        double expectedMax = 0;
        for (int i = 0; i < n; i++) {
            expectedMax += quantiles[i] * (Math.pow((i + 1.0) / n, workers) - Math.pow((double) i / n, workers));
        }
        return (expectedMax - mean()) / Math.sqrt(Math.max(1, stepsBetweenMeetings));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StepDistribution that && Arrays.equals(quantiles, that.quantiles);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(quantiles);
    }

    @Override
    public String toString() {
        return "StepDistribution" + Arrays.toString(quantiles);
    }
}
