package org.scalelab.engine.events;

import java.util.List;
import java.util.Objects;

/**
 * What a run achieved, as its results table row shows it.
 *
 * @param epochs          epochs completed
 * @param trainSeconds    training time summed over completed epochs, evaluation excluded
 * @param imagesPerSecond training images over {@code trainSeconds}
 * @param testAccuracy    after the last completed epoch, 0..1; NaN when none completed
 * @param testLoss        after the last completed epoch; NaN when none completed
 */
public record RunSummary(
        String runId,
        RunStatus status,
        int epochs,
        double trainSeconds,
        double imagesPerSecond,
        double testAccuracy,
        double testLoss) {

    /** A summary always says whose run and how it stands: a line missing either is damaged, not a summary. */
    public RunSummary {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(status, "status");
    }

    /** The summary of the epochs completed so far. */
    public static RunSummary of(String runId, RunStatus status, List<EpochCompleted> epochs) {
        double seconds = epochs.stream().mapToDouble(EpochCompleted::trainSeconds).sum();
        long images = epochs.stream().mapToLong(EpochCompleted::images).sum();
        EpochCompleted last = epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
        return new RunSummary(runId, status, epochs.size(), seconds,
                seconds > 0 ? images / seconds : Double.NaN,
                last == null ? Double.NaN : last.testAccuracy(),
                last == null ? Double.NaN : last.testLoss());
    }
}
