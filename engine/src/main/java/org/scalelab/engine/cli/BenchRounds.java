package org.scalelab.engine.cli;

import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.scalelab.engine.bench.Median;

/**
 * One model's {@code scalelab bench} measurements over the rounds: in each round one per thread count. A round's
 * speedup divides two measurements taken one after the other, so the machine's drift between rounds, which moves both,
 * mostly cancels; medians over the rounds then leave out a round that a busy minute slowed.
 */
final class BenchRounds {
    private final int columns;
    private final TreeMap<Integer, BenchMeasurement[]> byRound = new TreeMap<>();

    /** @param columns the thread counts measured in each round */
    BenchRounds(int columns) {
        this.columns = columns;
    }

    /** Records the measurement at the {@code column}-th thread count of round {@code round}. */
    void add(int round, int column, BenchMeasurement measurement) {
        byRound.computeIfAbsent(round, r -> new BenchMeasurement[columns])[column] = measurement;
    }

    /** A measurement, for what every round shares: the model, its parameters, the batch, the machine. */
    BenchMeasurement any() {
        return byRound.firstEntry().getValue()[0];
    }

    double medianImagesPerSecond(int column) {
        return median(column, BenchMeasurement::imagesPerSecond);
    }

    double medianGflops(int column) {
        return median(column, BenchMeasurement::gflops);
    }

    /** Each round's images/s at the last thread count over those at the first, in round order. */
    double[] speedups() {
        return byRound.values().stream()
                .mapToDouble(round -> round[columns - 1].imagesPerSecond() / round[0].imagesPerSecond()).toArray();
    }

    private double median(int column, ToDoubleFunction<BenchMeasurement> figure) {
        return Median.of(byRound.values().stream().mapToDouble(round -> figure.applyAsDouble(round[column])).toArray());
    }
}
