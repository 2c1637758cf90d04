package org.scalelab.engine.training;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.data.Augmentation;
import org.scalelab.engine.data.BatchAssembler;
import org.scalelab.engine.data.Dataset;
import org.scalelab.engine.data.EpochOrder;
import org.scalelab.engine.data.ImageSet;
import org.scalelab.engine.data.Normalization;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.Phase;
import org.scalelab.engine.events.RunListener;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.events.WorkerPhases;
import org.scalelab.engine.model.Architecture;
import org.scalelab.engine.model.BatchLoss;
import org.scalelab.engine.model.Network;
import org.scalelab.engine.model.SoftmaxCrossEntropy;
import org.scalelab.engine.parallel.comm.Communicator;
import org.scalelab.engine.parallel.comm.NdBuffers;
import org.scalelab.engine.training.optim.LearningRateSchedule;
import org.scalelab.engine.training.optim.Optimizer;
import org.scalelab.engine.training.optim.Optimizers;

/**
 * One worker: a replica of the network and its part of every global batch. This is the training loop of every
 * strategy; a serial run is one worker alone.
 *
 * <p>Synchronous strategies: each worker scales its part's loss gradient by one over the global batch, so the
 * allreduce sum of the workers' gradients is exactly the serial gradient of the whole batch; every worker then
 * applies that same update to identical weights. Parameter averaging: each worker steps on its own part's mean
 * gradient, and every {@code averagingPeriod} steps the replicas are replaced by their average weighted by
 * images seen, which for one step of plain SGD is again the serial update.
 *
 * <p>Everything random — initial weights, epoch order, augmentation — derives from the seed, and every replica
 * starts from the same weights. Worker 0 evaluates the test set while the others wait at a barrier (idle).
 */
public final class Worker {
    private final TrainingConfig config;
    private final Communicator communicator;
    private final RunListener steps;
    private final CancellationToken cancellation;
    private final boolean averaging;
    private final Network network;
    private final SoftmaxCrossEntropy loss;
    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final ImageSet train;
    private final BatchAssembler trainBatches;
    private final BatchAssembler testBatches;
    private final EpochOrder order;
    private final GlobalBatches batches;
    private final int stepsPerEpoch;
    private final SplittableRandom augmentationRandom;
    private final BatchInput trainInput;
    private final BatchInput testInput;
    private final int[] testIndices;
    private final FloatBuffer gradients;
    private final FloatBuffer parameters;
    private final FloatBuffer epochTotals = FloatBuffer.allocate(3);
    private final ParameterAverage average;
    private final PhaseTimer timer = new PhaseTimer();
    private final long startNanos = System.nanoTime();
    private long globalStep;

    /**
     * @param communicator connects this worker to all the others; its rank is this worker's index
     * @param steps        receives a step event after every step (the reporting worker's); others pass a no-op
     */
    public Worker(TrainingConfig config, Architecture architecture, Dataset dataset, Communicator communicator,
           RunListener steps, CancellationToken cancellation) {
        this.config = config;
        this.communicator = communicator;
        this.steps = steps;
        this.cancellation = cancellation;
        this.averaging = config.parallelism().strategy() == Strategy.PARAM_AVG;
        this.train = dataset.train();
        this.network = new Network(architecture, DataType.FLOAT, config.model().seed());
        this.loss = new SoftmaxCrossEntropy(network.outputCount());
        this.optimizer = Optimizers.create(config, network.parameters());
        this.schedule = LearningRateSchedule.of(config);
        // Fitted on the training set only: the test set must not leak into training.
        Normalization normalization = Normalization.fit(train);
        this.trainBatches = new BatchAssembler(train, normalization, config.data().augment() ? augmentationFor(train) : null);
        this.testBatches = new BatchAssembler(dataset.test(), normalization, null);
        this.order = new EpochOrder(train.size(), config.model().seed());
        this.batches = GlobalBatches.of(config, train.size());
        this.stepsPerEpoch = batches.steps(config.schedule().stepLimit());
        // Worker 0 draws exactly the serial run's augmentation; the others draw their own streams.
        this.augmentationRandom = new SplittableRandom(config.model().seed() + 0x9E3779B97F4A7C15L * communicator.rank());
        int largestPart = (config.globalBatchSize() + communicator.size() - 1) / communicator.size();
        this.trainInput = new BatchInput(network.inputShape(), largestPart);
        this.testInput = new BatchInput(network.inputShape(), config.schedule().batchSize());
        this.testIndices = IntStream.range(0, dataset.test().size()).toArray();
        this.gradients = NdBuffers.view(network.gradients());
        this.parameters = NdBuffers.view(network.parameters());
        this.average = averaging ? new ParameterAverage(communicator, parameters, config.parallelism().viaMaster()) : null;
    }

    /**
     * Colour images get the standard CIFAR crop and flip. Grey images (digits, clothes) get small shifts only:
     * a mirrored 2 or 7 is not a digit.
     */
    private static Augmentation augmentationFor(ImageSet images) {
        return images.shape().channels() == 3 ? Augmentation.cifarStandard() : new Augmentation(2, false);
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
        int[] permutation = order.permutation(epoch);
        BatchLoss trained = BatchLoss.NONE;
        for (int step = 0; step < stepsPerEpoch; step++) {
            cancellation.throwIfCancelled();
            trained = trained.plus(trainStep(epoch, step, permutation, learningRate));
        }
        if (averaging) {
            synchronise(average::averageNow);
        }
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
        return new EpochCompleted(epoch, learningRate, trained.meanLoss(), trained.accuracy(), tested.meanLoss(),
                tested.accuracy(), batches.images(stepsPerEpoch), epochSeconds - timer.seconds(Phase.EVALUATION), epochSeconds,
                Double.NaN, List.of(new WorkerPhases(communicator.rank(), timer.secondsByPhase())));
    }

    private BatchLoss trainStep(int epoch, int step, int[] permutation, double learningRate) {
        int worker = communicator.rank();
        int globalCount = batches.size(step);
        int count = batches.partSize(step, worker);
        BatchLoss batch = BatchLoss.NONE;
        if (count > 0) {
            timer.enter(Phase.DATA);
            INDArray input = trainInput.load(trainBatches, permutation, batches.partStart(step, worker), count,
                    augmentationRandom);
            timer.enter(Phase.FORWARD);
            INDArray logits = network.forward(input, true);
            batch = loss.evaluateWithGradient(logits, trainInput.labels(), 1.0 / (averaging ? count : globalCount));
            timer.enter(Phase.BACKWARD);
            network.backward(loss.gradient());
        } else {
            // More workers than images in this (last) batch: contribute nothing to the sum.
            network.gradients().assign(0);
        }
        if (!averaging && communicator.size() > 1) {
            synchronise(() -> communicator.allreduceSum(gradients));
        }
        timer.enter(Phase.UPDATE);
        optimizer.step(network.parameters(), network.gradients(), learningRate);
        if (averaging) {
            average.stepped(count, globalCount);
            if (average.due(config.parallelism().averagingPeriod())) {
                synchronise(average::averageNow);
            }
        }
        globalStep++;
        steps.onEvent(new StepCompleted(epoch, step + 1, globalStep, batch.meanLoss(), batch.accuracy(),
                globalCount, (System.nanoTime() - startNanos) / 1e9));
        return batch;
    }

    /**
     * Runs a collective as communication, moving the time spent waiting for the slowest worker to idle. When the
     * communicator cannot tell waiting apart inside a collective, a barrier first absorbs the wait.
     */
    private void synchronise(Runnable collective) {
        timer.enter(Phase.COMMUNICATION);
        long waited = communicator.times().waitingNanos();
        if (!communicator.times().separatesWaiting()) {
            communicator.barrier();
        }
        collective.run();
        timer.enter(Phase.UPDATE);
        timer.move(communicator.times().waitingNanos() - waited, Phase.COMMUNICATION, Phase.IDLE);
    }

    /** The epoch's training loss and accuracy over every worker's images. */
    private BatchLoss totalOverWorkers(BatchLoss mine) {
        if (communicator.size() == 1) {
            return mine;
        }
        epochTotals.clear();
        epochTotals.put((float) mine.lossSum()).put(mine.correct()).put(mine.count()).flip();
        synchronise(() -> communicator.allreduceSum(epochTotals));
        return new BatchLoss(epochTotals.get(0), Math.round(epochTotals.get(1)), Math.round(epochTotals.get(2)));
    }

    /** Loss and accuracy over the whole test set, in training-sized batches, without touching the weights. */
    private BatchLoss evaluate() {
        int batchSize = config.schedule().batchSize();
        BatchLoss total = BatchLoss.NONE;
        for (int from = 0; from < testIndices.length; from += batchSize) {
            cancellation.throwIfCancelled();
            int count = Math.min(batchSize, testIndices.length - from);
            INDArray input = testInput.load(testBatches, testIndices, from, count, null);
            total = total.plus(loss.evaluate(network.forward(input, false), testInput.labels()));
        }
        return total;
    }
}
