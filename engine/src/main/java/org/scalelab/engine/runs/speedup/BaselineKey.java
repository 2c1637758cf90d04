package org.scalelab.engine.runs.speedup;

import org.scalelab.engine.config.OptimizerKind;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.provenance.EnvironmentInfo;

/**
 * What a run and its baseline must share for the ratio of their throughputs to mean a speedup: the work per image
 * and per step (dataset, model, global batch, optimiser) and the machine (CPU, cores, ND4J's native build, which
 * alone makes convolutions 6–8× apart). Runs whose machine is not recorded share an unknown machine.
 */
record BaselineKey(String dataset, String model, int globalBatch, OptimizerKind optimizer, String cpuModel,
                   int logicalCores, String nativeBuild) {

    static BaselineKey of(TrainingConfig config, EnvironmentInfo environment) {
        return new BaselineKey(config.data().dataset(), config.model().name(), config.globalBatchSize(),
                config.optimizer().kind(),
                environment == null ? null : environment.cpuModel(),
                environment == null ? 0 : environment.logicalCores(),
                environment == null ? null : environment.nativeClassifier());
    }
}
