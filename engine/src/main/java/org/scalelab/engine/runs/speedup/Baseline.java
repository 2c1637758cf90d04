package org.scalelab.engine.runs.speedup;

import java.time.Instant;

/**
 * A finished serial run that speedups are measured against, with what a reader needs to know which one it is.
 *
 * @param runId           the record it comes from
 * @param name            what the user calls that run
 * @param startedAt       when it ran; null for a record without its start event
 * @param imagesPerSecond its steady throughput ({@link Throughput#of(org.scalelab.engine.runs.RunRecord)})
 * @param calibration     true when it is a short {@link Calibration} run rather than a full serial run, which
 *                        charts and tables say
 */
public record Baseline(String runId, String name, Instant startedAt, double imagesPerSecond, boolean calibration) {

    /** The speedup of a run of {@code imagesPerSecond} on {@code cores} cores over this baseline. */
    public Speedup speedupOf(double imagesPerSecond, int cores) {
        return Speedup.of(imagesPerSecond, this.imagesPerSecond, cores);
    }
}
