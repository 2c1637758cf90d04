package org.scalelab.engine.strategies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.data.Dataset;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.RunListener;
import org.scalelab.engine.model.Architecture;
import org.scalelab.engine.model.WeightsFile;
import org.scalelab.engine.parallel.comm.Communicator;
import org.scalelab.engine.training.CancellationToken;
import org.scalelab.engine.training.CpuMeter;
import org.scalelab.engine.training.NativeThreads;
import org.scalelab.engine.training.PipelineStage;
import org.scalelab.engine.training.WorkerReporting;

/**
 * One rank of a pipeline run: trains its stage ({@link PipelineStage}) epoch by epoch on the rank's own thread, and
 * after the last epoch gathers every stage's weights on rank 0, which saves them where the run asks.
 */
final class PipelineRank implements EpochRunner {
    private final PipelineStage stage;
    private final CpuMeter cpu = new CpuMeter();
    private final int lastEpoch;
    private final Path weightsFile;

    /** @param listener receives the stage's step events and its timeline */
    PipelineRank(TrainingConfig config, Architecture architecture, Dataset dataset, Communicator ranks,
                 RunListener listener, CancellationToken cancellation, Path weightsFile) {
        this.stage = new PipelineStage(config, architecture, dataset, ranks,
                new WorkerReporting(listener, listener, ranks.rank(), 0), cancellation);
        // After the stage's network has loaded ND4J's backend, which sets the native threads it is asked for
        NativeThreads.useOnThisThread(config.parallelism().strategy().nativeThreadsPerWorker(config.parallelism().threads()));
        this.lastEpoch = config.schedule().epochs();
        this.weightsFile = weightsFile;
    }

    @Override
    public EpochCompleted run(int epoch) {
        cpu.restart();
        EpochCompleted done = stage.run(epoch);
        if (epoch == lastEpoch) {
            saveWeights(stage.gatherParameters());
        }
        return new EpochCompleted(epoch, done.learningRate(), done.trainLoss(), done.trainAccuracy(), done.testLoss(),
                done.testAccuracy(), done.images(), done.trainSeconds(), done.epochSeconds(), cpu.usage(), done.phases());
    }

    /** @param parameters the whole network's, on rank 0; null on the others */
    private void saveWeights(INDArray parameters) {
        if (weightsFile != null && parameters != null) {
            try {
                WeightsFile.write(weightsFile, parameters);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save the trained weights to " + weightsFile + ": " + e.getMessage(), e);
            }
        }
    }
}
