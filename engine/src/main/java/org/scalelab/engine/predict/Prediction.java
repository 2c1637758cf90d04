package org.scalelab.engine.predict;

import org.scalelab.engine.config.Strategy;

/**
 * The predicted step of one configuration, split as the trainer reports its phases.
 *
 * @param stepSeconds          compute + communication + wait + rest
 * @param computeSeconds       forward, backward, loss and update of one worker's share
 * @param communicationSeconds the step's share of the collectives (param-avg: ⌈S/k⌉ averagings over an epoch's S steps);
 *                             with overlap, the part the step waits for after the backward pass
 * @param waitSeconds          waiting for the slowest worker
 * @param restSeconds          the trainer's other work per step (data, bookkeeping)
 * @param oversubscribed       more native threads busy on a host than it has cores: compute is time-shared
 * @param hiddenSeconds        with overlap, the allreduce that runs beside the backward pass: not part of the step;
 *                             0 without
 */
public record Prediction(String model, Strategy strategy, int procs, int threads, int hosts, int globalBatch,
                         double stepSeconds, double computeSeconds, double communicationSeconds, double waitSeconds,
                         double restSeconds, double imagesPerSecond, double speedup, double efficiency,
                         boolean oversubscribed, double hiddenSeconds) {
}
