package org.scalelab.engine.config;

/**
 * How long a run trains, in what steps, and at what learning rate.
 *
 * @param epochs       passes over the training set
 * @param batchSize    images per optimiser step, per worker or in total: see {@link Parallelism#scaling()}
 * @param stepLimit    at most this many steps per epoch, 0 for all: short calibration runs and quick checks
 * @param learningRate the rate at the start
 * @param decay        how the rate changes from epoch to epoch
 * @param stepSize     epochs between drops, for {@link ScheduleKind#STEP}
 * @param gamma        factor of each drop, for {@link ScheduleKind#STEP}
 */
public record ScheduleSettings(int epochs, int batchSize, int stepLimit, double learningRate, ScheduleKind decay,
                               int stepSize, double gamma) {
}
