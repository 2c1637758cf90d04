package org.scalelab.engine.predict;

import org.scalelab.engine.config.Parallelism;
import org.scalelab.engine.config.TrainingConfig;

/** A training configuration as the scaling model's {@link Scenario}: its model, strategy, counts, batch and epoch. */
public final class RunScenarios {
    /** Images in mnist-mini's training set: the epoch {@code predict} and the What-if tab assume unless told. */
    public static final int DEFAULT_EPOCH_IMAGES = 8000;

    private RunScenarios() {
    }

    /**
     * @param trainImages the training set's images; the configuration's step limit may make an epoch shorter
     * @param network     between hosts; null with one host
     */
    public static Scenario of(TrainingConfig config, int trainImages, int hosts, int coresPerHost, LinkCost network) {
        Parallelism parallelism = config.parallelism();
        return new Scenario(config.model().name(), parallelism.strategy(), parallelism.processes(), parallelism.threads(),
                parallelism.allreduce(), hosts, coresPerHost, network, network, config.schedule().batchSize(),
                parallelism.scaling(), epochImages(config, trainImages), parallelism.averagingPeriod(),
                parallelism.viaMaster(), parallelism.compression(), parallelism.overlap() ? parallelism.bucketKb() : 0,
                parallelism.microbatches());
    }

    /** Images in one epoch of {@code config}: the training set, or fewer where its steps per epoch are limited. */
    static int epochImages(TrainingConfig config, int trainImages) {
        int limit = config.schedule().stepLimit();
        return limit > 0 ? (int) Math.min(trainImages, (long) limit * config.globalBatchSize()) : trainImages;
    }
}
