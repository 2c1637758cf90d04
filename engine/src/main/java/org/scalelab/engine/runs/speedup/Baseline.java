package org.scalelab.engine.runs.speedup;

import java.time.Instant;

/**
 * A finished serial run that speedups are measured against, with what a reader needs to know which one it is.
 *
 * @param runId           the record it comes from
 * @param name            what the user calls that run
 * @param startedAt       when it ran; null for a record without its start event
 * @param throughput      its steady throughput and spread ({@link Throughput#of(org.scalelab.engine.runs.RunRecord)})
 * @param calibration     true when it is a short {@link Calibration} run rather than a full serial run, which
 *                        charts and tables say
 */
public record Baseline(String runId, String name, Instant startedAt, Throughput throughput, boolean calibration) {

    /** The speedup of a run of {@code imagesPerSecond} on {@code cores} cores over this baseline. */
    public Speedup speedupOf(double imagesPerSecond, int cores) {
        return Speedup.of(imagesPerSecond, imagesPerSecond(), cores);
    }

    public double imagesPerSecond() {
        return throughput.imagesPerSecond();
    }
}
