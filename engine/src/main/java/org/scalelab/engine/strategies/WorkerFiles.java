package org.scalelab.engine.strategies;

import java.nio.file.Path;
import org.scalelab.engine.training.RunPlan;

/**
 * Where one process's workers keep what outlives them.
 *
 * @param weights          where worker 0 of the job saves its parameters after the last epoch, or null
 * @param checkpoint       where worker 0 of the job writes checkpoints, and every worker reads the one it
 *                         resumes from; null for none
 * @param resumeAfterEpoch the checkpoint's epoch the workers start from; 0 for a fresh start
 */
record WorkerFiles(Path weights, Path checkpoint, int resumeAfterEpoch) {

    static WorkerFiles of(RunPlan plan) {
        return new WorkerFiles(plan.weightsFile(), plan.checkpointFile(), plan.resumption().afterEpoch());
    }
}
