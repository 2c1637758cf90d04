package org.scalelab.engine.strategies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.model.WeightsFile;
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

    /**
     * Whether the job writes a checkpoint after {@code epoch}: every {@code --checkpoint-every} epochs and after the
     * last, so that a finished run can be taken further.
     */
    boolean checkpointAfter(int epoch, TrainingConfig config) {
        int every = config.recovery().checkpointEvery();
        return checkpoint != null && every > 0 && (epoch % every == 0 || epoch == config.schedule().epochs());
    }

    /** Saves the whole network's trained {@code parameters} where the run asks, if it asks. */
    void saveWeights(INDArray parameters) {
        if (weights != null) {
            try {
                WeightsFile.write(weights, parameters);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save the trained weights to " + weights + ": " + e.getMessage(), e);
            }
        }
    }
}
