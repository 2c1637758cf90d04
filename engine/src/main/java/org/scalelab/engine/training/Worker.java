package org.scalelab.engine.training;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.data.Dataset;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.Phase;
import org.scalelab.engine.events.WorkerPhases;
import org.scalelab.engine.model.Architecture;
import org.scalelab.engine.model.BatchLoss;
import org.scalelab.engine.model.Layer;
import org.scalelab.engine.model.Network;
import org.scalelab.engine.model.SoftmaxCrossEntropy;
import org.scalelab.engine.parallel.comm.Communicator;
import org.scalelab.engine.parallel.comm.NdBuffers;
import org.scalelab.engine.training.optim.LearningRateSchedule;
import org.scalelab.engine.training.optim.Optimizer;
import org.scalelab.engine.training.optim.Optimizers;
import org.scalelab.engine.training.optim.StateArrays;

/**
 * One worker: a replica of the network and its part of every global batch. This is the training loop of every
 * strategy; a serial run is one worker alone.
 *
 * <p>How the workers' steps combine is the strategy's {@link ReplicaSync}: the synchronous strategies sum
 * their gradients before every step ({@link GradientAllreduce}), {@code param-avg} steps locally and averages
 * the replicas now and then ({@link ParameterAverage}), {@code async} pushes each gradient to a parameter server
 * and takes its weights back ({@link AsyncPush}). The server is rank 0's worker, which then trains on no part of
 * the batches but applies the others' gradients ({@link ParameterServer}), and evaluates.
 *
 * <p>Everything random — initial weights, epoch order, augmentation — derives from the seed, and every replica
 * starts from the same weights. Worker 0 evaluates the test set while the others wait at a barrier (idle).
 */
public final class Worker {
    private final TrainingConfig config;
    private final Communicator communicator;
    private final CancellationToken cancellation;
    private final Network network;
    private final SoftmaxCrossEntropy loss;
    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final InputBatches inputs;
    private final GlobalBatches batches;
    private final int stepsPerEpoch;
    private final BatchInput trainInput;
    private final BatchInput testInput;
    private final FloatBuffer epochTotals = FloatBuffer.allocate(3);
    private final PhaseTimer timer = new PhaseTimer();
    private final TimedCollectives collectives;
    private final ReplicaSync sync;
    /** Rank 0 of an asynchronous run; null for every worker that trains. */
    private final ParameterServer server;
    /** Which part of every global batch this worker trains on; -1 for the parameter server. */
    private final int part;
    private final StepReports reports;

    /**
     * @param communicator connects this worker to all the others; its rank is this worker's index
     * @param reporting    where its step events and its timeline go
     */
    public Worker(TrainingConfig config, Architecture architecture, Dataset dataset, Communicator communicator,
           WorkerReporting reporting, CancellationToken cancellation) {
        this.config = config;
        this.communicator = communicator;
        this.cancellation = cancellation;
        // Gradients where the communicator sums them cheapest: ranks of one machine share them in memory.
        this.network = communicator.gradientBuffer(Math.toIntExact(architecture.parameterCount()))
                .map(buffer -> new Network(architecture, config.model().seed(), NdBuffers.wrap(buffer)))
                .orElseGet(() -> new Network(architecture, DataType.FLOAT, config.model().seed()));
        this.loss = new SoftmaxCrossEntropy(network.outputCount());
        this.optimizer = Optimizers.create(config, network.parameters());
        this.schedule = LearningRateSchedule.of(config);
        this.part = communicator.rank() - config.parallelism().strategy().servingRanks();
        // Worker 0 draws exactly the serial run's augmentation; the others draw their own streams.
        this.inputs = new InputBatches(config, dataset, part);
        this.batches = GlobalBatches.of(config, inputs.trainSize());
        this.stepsPerEpoch = batches.steps(config.schedule().stepLimit());
        this.reports = new StepReports(reporting, timer, stepsPerEpoch, config.schedule().epochs());
        int largestPart = (config.globalBatchSize() + batches.workers() - 1) / batches.workers();
        this.trainInput = new BatchInput(network.inputShape(), largestPart);
        this.testInput = new BatchInput(network.inputShape(), config.schedule().batchSize());
        this.collectives = new TimedCollectives(communicator, timer);
        this.sync = ReplicaSync.of(config, network, collectives);
        this.server = part < 0 ? new ParameterServer(collectives, network, optimizer, reporting.steps(), cancellation,
                config.parallelism().maxStaleness()) : null;
    }

    /** This worker's index among all workers of the run. */
    public int rank() {
        return communicator.rank();
    }

    /** This worker's replica. */
    public Network network() {
        return network;
    }

    /**
     * Trains one epoch and, on worker 0, evaluates the test set.
     *
     * @return this worker's view of the epoch: training results over all workers, test results (NaN except on
     *         worker 0), and this worker's phases; CPU usage is left NaN for the caller, who knows the process
     */
    public EpochCompleted run(int epoch) {
        double learningRate = schedule.rate(epoch);
        timer.reset();
        long epochStart = System.nanoTime();
        // From the epoch's first moment: shuffling the order is data work too, and the phases must add up to it.
        timer.enter(Phase.DATA);
        // A stream per epoch, like the order: a run resumed from a checkpoint draws what it would have drawn.
        inputs.startEpoch(epoch);
        BatchLoss trained = BatchLoss.NONE;
        if (server != null) {
            server.serveEpoch(epoch, (long) (epoch - 1) * stepsPerEpoch, stepsPerEpoch, learningRate);
        } else {
            for (int step = 0; step < stepsPerEpoch; step++) {
                cancellation.throwIfCancelled();
                trained = trained.plus(trainStep(epoch, step, learningRate));
            }
        }
        sync.endOfEpoch();
        trained = totalOverWorkers(trained);
        BatchLoss tested = new BatchLoss(Double.NaN, 0, 0);
        if (communicator.rank() == 0) {
            timer.enter(Phase.EVALUATION);
            tested = evaluate();
        }
        if (communicator.size() > 1) {
            timer.enter(Phase.IDLE);
            communicator.barrier();
        }
        timer.stop();
        double epochSeconds = (System.nanoTime() - epochStart) / 1e9;
        // After the epoch's clock stopped: handing the timeline over is not part of the epoch it describes.
        reports.epochEnded(epoch);
        return new EpochCompleted(epoch, learningRate, trained.meanLoss(), trained.accuracy(), tested.meanLoss(),
                tested.accuracy(), batches.images(stepsPerEpoch), epochSeconds - timer.seconds(Phase.EVALUATION), epochSeconds,
                Double.NaN, List.of(new WorkerPhases(communicator.rank(), timer.secondsByPhase())));
    }

    private BatchLoss trainStep(int epoch, int step, double learningRate) {
        int globalCount = batches.size(step);
        int count = batches.partSize(step, part);
        INDArray input = null;
        if (count > 0) {
            timer.enter(Phase.DATA);
            input = inputs.train(trainInput, batches.partStart(step, part), count);
        }
        BatchLoss batch;
        do {
            batch = gradient(input, count, globalCount);
            sync.beforeUpdate();
            if (sync.stepsLocally()) {
                timer.enter(Phase.UPDATE);
                optimizer.step(network.parameters(), network.gradients(), learningRate);
            }
            sync.afterUpdate(count, globalCount);
        } while (sync.refused());
        reports.stepped(epoch, step, batch, globalCount);
        return batch;
    }

    /** The loss of this worker's part of a step, its gradient left in the network's (zero for a part without images). */
    private BatchLoss gradient(INDArray input, int count, int globalCount) {
        if (count == 0) {
            // More workers than images in this (last) batch: contribute nothing to the sum.
            network.gradients().assign(0);
            return BatchLoss.NONE;
        }
        timer.enter(Phase.FORWARD);
        INDArray logits = network.forward(input, true);
        BatchLoss batch = loss.evaluateWithGradient(logits, trainInput.labels(), sync.gradientScale(count, globalCount));
        timer.enter(Phase.BACKWARD);
        network.backward(loss.gradient(), sync.backwardClock());
        return batch;
    }

    /**
     * Writes what training has changed in this worker, for a {@link Checkpoint}: the parameters, the optimiser's
     * state and the layers' running state. The step counter and everything random follow from the epoch.
     */
    void saveState(DataOutput out) throws IOException {
        StateArrays.write(out, network.parameters());
        optimizer.saveState(out);
        for (Layer layer : network.layers()) {
            layer.saveState(out);
        }
    }

    /** Reads back what {@link #saveState} wrote after {@code completedEpochs}; the next epoch goes on from there. */
    void restoreState(DataInput in, int completedEpochs) throws IOException {
        StateArrays.read(in, network.parameters());
        optimizer.restoreState(in);
        for (Layer layer : network.layers()) {
            layer.restoreState(in);
        }
        reports.resumeAfter(completedEpochs);
    }


    /** The epoch's training loss and accuracy over every worker's images. */
    private BatchLoss totalOverWorkers(BatchLoss mine) {
        if (communicator.size() == 1) {
            return mine;
        }
        epochTotals.clear();
        epochTotals.put((float) mine.lossSum()).put(mine.correct()).put(mine.count()).flip();
        collectives.run(() -> communicator.allreduceSum(epochTotals), "allreduce", (long) Float.BYTES * epochTotals.limit());
        return new BatchLoss(epochTotals.get(0), Math.round(epochTotals.get(1)), Math.round(epochTotals.get(2)));
    }

    /** Loss and accuracy over the whole test set, in training-sized batches, without touching the weights. */
    private BatchLoss evaluate() {
        int batchSize = config.schedule().batchSize();
        BatchLoss total = BatchLoss.NONE;
        for (int from = 0; from < inputs.testSize(); from += batchSize) {
            cancellation.throwIfCancelled();
            int count = Math.min(batchSize, inputs.testSize() - from);
            INDArray input = inputs.test(testInput, from, count);
            total = total.plus(loss.evaluate(network.forward(input, false), testInput.labels()));
        }
        return total;
    }
}
