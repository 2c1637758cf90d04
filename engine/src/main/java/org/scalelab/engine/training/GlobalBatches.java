package org.scalelab.engine.training;

import org.scalelab.engine.config.TrainingConfig;

/**
 * How one epoch's shuffled images are cut into global batches (one optimiser step each, the last one shorter
 * when the set does not divide) and each global batch into the workers' parts, whose sizes differ by at most
 * one. Every image of the epoch falls in exactly one part of one step, whatever the worker count.
 *
 * @param setSize     images in the epoch
 * @param globalBatch images per step over all workers
 * @param workers     parts per global batch
 */
record GlobalBatches(int setSize, int globalBatch, int workers) {

    /** The batches of a configuration's epoch over {@code setSize} images. */
    static GlobalBatches of(TrainingConfig config, int setSize) {
        return new GlobalBatches(setSize, config.globalBatchSize(), config.workers());
    }

    GlobalBatches {
        if (setSize < 0 || globalBatch < 1 || workers < 1) {
            throw new IllegalArgumentException("setSize " + setSize + ", globalBatch " + globalBatch + ", workers " + workers);
        }
    }

    int steps() {
        return (setSize + globalBatch - 1) / globalBatch;
    }

    /** Steps per epoch when at most {@code limit} are taken (0: no limit). */
    int steps(int limit) {
        return limit > 0 ? Math.min(limit, steps()) : steps();
    }

    /** Images in the first {@code steps} steps. */
    int images(int steps) {
        return steps == 0 ? 0 : start(steps - 1) + size(steps - 1);
    }

    /** Position in the epoch's order of the first image of {@code step}. */
    int start(int step) {
        return step * globalBatch;
    }

    int size(int step) {
        return Math.min(globalBatch, setSize - start(step));
    }

    int partStart(int step, int worker) {
        return start(step) + (int) ((long) worker * size(step) / workers);
    }

    int partSize(int step, int worker) {
        return partStart(step, worker + 1) - partStart(step, worker);
    }
}
