package org.scalelab.engine.events;

import java.util.Objects;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.data.DatasetInfo;
import org.scalelab.engine.model.Architecture;
import org.scalelab.engine.provenance.EnvironmentInfo;
import org.scalelab.engine.provenance.Provenance;

/**
 * The first event of a run: everything needed to read or repeat it.
 *
 * @param startedAt      ISO-8601 instant, UTC
 * @param architecture   the resolved architecture (the config may only name a preset or a file)
 * @param parameterCount trainable values in the network
 * @param provenance     the ScaleLab version and commit, and the dataset's checksum; null in records made
 *                       before they were kept
 * @param oversubscribed the run put more workers to work than the machine has cores (ranks than its hosts file
 *                       has slots): each was slower than it would be alone, and so are its speedups
 */
public record RunStarted(
        String runId,
        String startedAt,
        TrainingConfig config,
        Architecture architecture,
        long parameterCount,
        DatasetInfo dataset,
        int trainImages,
        int testImages,
        EnvironmentInfo environment,
        Provenance provenance,
        boolean oversubscribed) implements RunEvent {

    /** A start names its run and what it was asked to do: a line missing either is damaged. */
    public RunStarted {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(config, "config");
    }

    /**
     * Optimiser steps in one epoch: the training images over the global batch, the short last batch counted,
     * and no more than a step-limited run takes.
     */
    public int stepsPerEpoch() {
        int globalBatch = config.globalBatchSize();
        int steps = Math.max(1, (trainImages + globalBatch - 1) / globalBatch);
        return config.schedule().stepLimit() > 0 ? Math.min(steps, config.schedule().stepLimit()) : steps;
    }
}
