package org.scalelab.engine.training;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scalelab.engine.data.Augmentation;
import org.scalelab.engine.data.BatchAssembler;
import org.scalelab.engine.data.Dataset;
import org.scalelab.engine.data.EpochOrder;
import org.scalelab.engine.data.ImageSet;
import org.scalelab.engine.data.Normalization;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.RunListener;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.events.WorkerPhases;
import org.scalelab.engine.model.BatchLoss;
import org.scalelab.engine.model.Network;
import org.scalelab.engine.model.SoftmaxCrossEntropy;
import org.scalelab.engine.training.optim.LearningRateSchedule;
import org.scalelab.engine.training.optim.Optimizer;
import org.scalelab.engine.training.optim.Optimizers;

/**
 * The serial training loop. Everything random — initial weights, epoch order, augmentation — derives from
 * the configuration's seed, so a run repeats exactly (with one native thread; more threads may reorder
 * floating-point sums).
 */
final class SerialEpochs implements EpochRunner {
    private final TrainingConfig config;
    private final RunListener events;
    private final CancellationToken cancellation;
    private final Network network;
    private final SoftmaxCrossEntropy loss;
    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final ImageSet train;
    private final BatchAssembler trainBatches;
    private final BatchAssembler testBatches;
    private final EpochOrder order;
    private final SplittableRandom augmentationRandom;
    private final BatchInput trainInput;
    private final BatchInput testInput;
    private final int[] testIndices;
    private final PhaseTimer timer = new PhaseTimer();
    private final CpuMeter cpu = new CpuMeter();
    private final long startNanos = System.nanoTime();
    private long globalStep;

    SerialEpochs(RunPlan plan, RunListener events, CancellationToken cancellation) {
        this.config = plan.config();
        this.events = events;
        this.cancellation = cancellation;
        Dataset dataset = plan.dataset();
        this.train = dataset.train();
        this.network = new Network(plan.architecture(), DataType.FLOAT, config.seed());
        this.loss = new SoftmaxCrossEntropy(network.outputCount());
        this.optimizer = Optimizers.create(config, network.parameters());
        this.schedule = LearningRateSchedule.of(config);
        // Fitted on the training set only: the test set must not leak into training.
        Normalization normalization = Normalization.fit(train);
        this.trainBatches = new BatchAssembler(train, normalization, config.augment() ? augmentationFor(train) : null);
        this.testBatches = new BatchAssembler(dataset.test(), normalization, null);
        this.order = new EpochOrder(train.size(), config.seed());
        this.augmentationRandom = new SplittableRandom(config.seed());
        this.trainInput = new BatchInput(network.inputShape(), config.batchSize(), train.size());
        this.testInput = new BatchInput(network.inputShape(), config.batchSize(), dataset.test().size());
        this.testIndices = IntStream.range(0, dataset.test().size()).toArray();
    }

    /**
     * Colour images get the standard CIFAR crop and flip. Grey images (digits, clothes) get small shifts only:
     * a mirrored 2 or 7 is not a digit.
     */
    private static Augmentation augmentationFor(ImageSet images) {
        return images.shape().channels() == 3 ? Augmentation.cifarStandard() : new Augmentation(2, false);
    }

    @Override
    public EpochCompleted run(int epoch) {
        double learningRate = schedule.rate(epoch);
        timer.reset();
        cpu.restart();
        long epochStart = System.nanoTime();
        int[] permutation = order.permutation(epoch);
        int batchSize = config.batchSize();
        int steps = BatchInput.batchCount(train.size(), batchSize);
        BatchLoss trained = BatchLoss.NONE;
        for (int step = 0; step < steps; step++) {
            cancellation.throwIfCancelled();
            int from = step * batchSize;
            int count = Math.min(batchSize, train.size() - from);

            timer.enter(Phase.DATA);
            INDArray input = trainInput.load(trainBatches, permutation, from, count, augmentationRandom);
            timer.enter(Phase.FORWARD);
            INDArray logits = network.forward(input, true);
            BatchLoss batch = loss.evaluateWithGradient(logits, trainInput.labels(), 1.0 / count);
            timer.enter(Phase.BACKWARD);
            network.backward(loss.gradient());
            timer.enter(Phase.UPDATE);
            optimizer.step(network.parameters(), network.gradients(), learningRate);

            trained = trained.plus(batch);
            globalStep++;
            events.onEvent(new StepCompleted(epoch, step + 1, globalStep, batch.meanLoss(), batch.accuracy(), count,
                    (System.nanoTime() - startNanos) / 1e9));
        }
        timer.enter(Phase.EVALUATION);
        BatchLoss tested = evaluate();
        timer.stop();
        double epochSeconds = (System.nanoTime() - epochStart) / 1e9;
        return new EpochCompleted(epoch, learningRate, trained.meanLoss(), trained.accuracy(), tested.meanLoss(),
                tested.accuracy(), train.size(), epochSeconds - timer.seconds(Phase.EVALUATION), epochSeconds,
                cpu.usage(), List.of(new WorkerPhases(0, timer.secondsByPhase())));
    }

    /** Loss and accuracy over the whole test set, in training-sized batches, without touching the weights. */
    private BatchLoss evaluate() {
        int batchSize = config.batchSize();
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
