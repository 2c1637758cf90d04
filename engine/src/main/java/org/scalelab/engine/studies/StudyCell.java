package org.scalelab.engine.studies;

import org.scalelab.engine.config.TrainingConfig;

/**
 * One run of a study: a point of its grid, or one of its serial baselines, in one repeat.
 *
 * @param index          its place in the order the study runs its cells
 * @param label          how tables and charts name the point; the repeats of a point share it
 * @param config         the run's whole configuration
 * @param repeat         0 for the first run of the point
 * @param baseline       a serial run that the points of its global batch are measured against
 * @param oversubscribed it keeps more native threads busy than this machine has cores, so its timings cannot show
 *                       the speedup the configuration could reach; it runs only when the user allows it
 */
public record StudyCell(int index, String label, TrainingConfig config, int repeat, boolean baseline,
                        boolean oversubscribed) {
}
