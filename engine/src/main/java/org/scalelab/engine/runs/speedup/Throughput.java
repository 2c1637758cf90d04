package org.scalelab.engine.runs.speedup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.runs.RunRecord;

/**
 * Training images per second once a run is warm, and how far its epochs strayed from it.
 *
 * <p>The first epoch is left out once there is a second: it carries the JIT compiling the hot loops, oneDNN
 * building its kernels and ranks starting, which a run in a fresh JVM pays and a later one hardly does. Of the
 * warm epochs the median is taken, so one epoch slowed by a busy moment on a shared machine does not move the
 * figure; with an even number the faster of the two middle ones, because other work on the machine can only slow
 * an epoch down, never speed it up (and it is an epoch that happened, whose phases can be shown).
 *
 * @param imagesPerSecond of the median warm epoch; NaN when there is nothing to measure
 * @param lowest          of the slowest warm epoch
 * @param highest         of the fastest warm epoch
 * @param epochs          warm epochs measured; 0 when the figure comes from steps or from the run's summary
 */
public record Throughput(double imagesPerSecond, double lowest, double highest, int epochs) {

    private static final Throughput NONE = new Throughput(Double.NaN, Double.NaN, Double.NaN, 0);

    /** From a run's epochs so far. */
    public static Throughput of(List<EpochCompleted> epochs) {
        if (epochs.isEmpty()) {
            return NONE;
        }
        List<EpochCompleted> warm = byThroughput(epochs);
        return new Throughput(warm.get(warm.size() / 2).imagesPerSecond(), warm.get(0).imagesPerSecond(),
                warm.get(warm.size() - 1).imagesPerSecond(), warm.size());
    }

    /**
     * A saved run's: a calibration's over its steps after the warm-up ({@link Calibration}), another run's over
     * its epochs, and the summary's figure for a record that kept neither.
     */
    public static Throughput of(RunRecord record) {
        if (Calibration.isCalibration(record.config())) {
            return Calibration.throughput(record);
        }
        List<EpochCompleted> epochs = record.events().stream()
                .filter(EpochCompleted.class::isInstance).map(EpochCompleted.class::cast).toList();
        return epochs.isEmpty() ? single(record.summary().imagesPerSecond()) : of(epochs);
    }

    /** The epoch whose throughput {@link #of(List)} reports, for the time breakdown beside it. */
    public static EpochCompleted medianEpoch(List<EpochCompleted> epochs) {
        List<EpochCompleted> warm = byThroughput(epochs);
        return warm.get(warm.size() / 2);
    }

    /** A figure measured once, without epochs to spread over. */
    static Throughput single(double imagesPerSecond) {
        return new Throughput(imagesPerSecond, imagesPerSecond, imagesPerSecond, 0);
    }

    private static List<EpochCompleted> byThroughput(List<EpochCompleted> epochs) {
        List<EpochCompleted> warm = new ArrayList<>(epochs.size() >= 2 ? epochs.subList(1, epochs.size()) : epochs);
        warm.sort(Comparator.comparingDouble(EpochCompleted::imagesPerSecond));
        return warm;
    }
}
