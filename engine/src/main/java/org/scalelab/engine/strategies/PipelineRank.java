package org.scalelab.engine.strategies;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.data.Dataset;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.RunListener;
import org.scalelab.engine.model.Architecture;
import org.scalelab.engine.model.kernels.IntraOpThreads;
import org.scalelab.engine.parallel.comm.Communicator;
import org.scalelab.engine.training.CancellationToken;
import org.scalelab.engine.training.CpuMeter;
import org.scalelab.engine.training.PipelineStage;
import org.scalelab.engine.training.WorkerReporting;

/**
 * One rank of a pipeline run: trains its stage ({@link PipelineStage}) epoch by epoch on the rank's own thread,
 * resuming from a checkpoint where the run does; writes the checkpoints the run asks for, and after the last epoch
 * gathers every stage's weights on rank 0, which saves them where the run asks.
 */
final class PipelineRank implements EpochRunner {
    private final PipelineStage stage;
    private final CpuMeter cpu = new CpuMeter();
    private final TrainingConfig config;
    private final WorkerFiles files;

    /** @param listener receives the stage's step events and its timeline */
    PipelineRank(TrainingConfig config, Architecture architecture, Dataset dataset, Communicator ranks,
                 RunListener listener, CancellationToken cancellation, WorkerFiles files) {
        this.stage = new PipelineStage(config, architecture, dataset, ranks,
                new WorkerReporting(listener, listener, ranks.rank(), 0), cancellation);
        // After the stage's network has loaded ND4J's backend, which sets the native threads it is asked for
        IntraOpThreads.useOnThisThread(config.parallelism().strategy().nativeThreadsPerWorker(config.parallelism().threads()));
        this.config = config;
        this.files = files;
        if (files.resumeAfterEpoch() > 0) {
            stage.restore(files.checkpoint());
        }
    }

    @Override
    public EpochCompleted run(int epoch) {
        cpu.restart();
        EpochCompleted done = stage.run(epoch);
        if (files.checkpointAfter(epoch, config)) {
            stage.checkpoint(files.checkpoint(), epoch);
        }
        if (epoch == config.schedule().epochs()) {
            INDArray parameters = stage.gatherParameters(); // the whole network's on rank 0, null on the others
            if (parameters != null) {
                files.saveWeights(parameters);
            }
        }
        return new EpochCompleted(epoch, done.learningRate(), done.trainLoss(), done.trainAccuracy(), done.testLoss(),
                done.testAccuracy(), done.images(), done.trainSeconds(), done.epochSeconds(), cpu.usage(), done.phases());
    }

}
