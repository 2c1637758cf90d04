package org.scalelab.app.library;

import java.util.List;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.runs.RunRecord;

/**
 * Training images per second once a run is warm: over every epoch after the first, when there are two or more.
 * The first epoch carries the JIT compiling the hot loops, oneDNN building its kernels and ranks starting; the
 * first run in a fresh application paid all of that and a later one little, which made a serial baseline run
 * first look slow and two threads look faster than two cores can be. Speedups compare steady throughputs.
 */
public final class SteadyThroughput {
    private SteadyThroughput() {
    }

    /** NaN when there is no epoch yet. */
    public static double of(List<EpochCompleted> epochs) {
        List<EpochCompleted> steady = epochs.size() >= 2 ? epochs.subList(1, epochs.size()) : epochs;
        long images = steady.stream().mapToLong(EpochCompleted::images).sum();
        double seconds = steady.stream().mapToDouble(EpochCompleted::trainSeconds).sum();
        return seconds > 0 ? images / seconds : Double.NaN;
    }

    /** From the record's epochs; the summary's figure for a record that kept none. */
    public static double of(RunRecord record) {
        List<EpochCompleted> epochs = record.events().stream()
                .filter(EpochCompleted.class::isInstance).map(EpochCompleted.class::cast).toList();
        return epochs.isEmpty() ? record.summary().imagesPerSecond() : of(epochs);
    }
}
