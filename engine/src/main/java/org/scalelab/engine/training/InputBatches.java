package org.scalelab.engine.training;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.data.Augmentation;
import org.scalelab.engine.data.BatchAssembler;
import org.scalelab.engine.data.Dataset;
import org.scalelab.engine.data.EpochOrder;
import org.scalelab.engine.data.ImageSet;
import org.scalelab.engine.data.Normalization;

/**
 * Where a worker's input comes from: the training set in each epoch's order, normalised by the training set's own
 * statistics (the test set must not leak into training) and augmented where the run asks, and the test set as it
 * is. The order and the augmentation derive from the seed, so every worker, and a resumed run, draws what the
 * serial run would.
 */
final class InputBatches {
    private final ImageSet train;
    private final ImageSet test;
    private final BatchAssembler trainBatches;
    private final BatchAssembler testBatches;
    private final EpochOrder order;
    private final long augmentationSeed;
    private final int[] testIndices;
    private int[] permutation;
    private SplittableRandom augmentationRandom;

    /** @param worker whose augmentation stream to draw: worker 0 draws exactly the serial run's */
    InputBatches(TrainingConfig config, Dataset dataset, int worker) {
        this.train = dataset.train();
        this.test = dataset.test();
        Normalization normalization = Normalization.fit(train);
        this.trainBatches = new BatchAssembler(train, normalization, config.data().augment() ? augmentationFor(train) : null);
        this.testBatches = new BatchAssembler(test, normalization, null);
        this.order = new EpochOrder(train.size(), config.model().seed());
        // Salted: unsalted, worker 0's augmentation stream would be the epoch order's own.
        this.augmentationSeed = (config.model().seed() ^ 0x5DEECE66DL) + 0x9E3779B97F4A7C15L * worker;
        this.testIndices = IntStream.range(0, test.size()).toArray();
    }

    /**
     * Colour images get the standard CIFAR crop and flip. Grey images (digits, clothes) get small shifts only:
     * a mirrored 2 or 7 is not a digit.
     */
    private static Augmentation augmentationFor(ImageSet images) {
        return images.shape().channels() == 3 ? Augmentation.cifarStandard() : new Augmentation(2, false);
    }

    int trainSize() {
        return train.size();
    }

    int testSize() {
        return testIndices.length;
    }

    /** Shuffles the training set for {@code epoch}, with a random stream per epoch as the order has. */
    void startEpoch(int epoch) {
        permutation = order.permutation(epoch);
        augmentationRandom = EpochOrder.randomFor(augmentationSeed, epoch);
    }

    /** The training images at positions {@code [from, from + count)} of the epoch's order, loaded into {@code input}. */
    INDArray train(BatchInput input, int from, int count) {
        return input.load(trainBatches, permutation, from, count, augmentationRandom);
    }

    /** The labels of those images, into {@code labels[0, count)}, without loading them. */
    void trainLabels(int from, int count, int[] labels) {
        for (int k = 0; k < count; k++) {
            labels[k] = train.label(permutation[from + k]);
        }
    }

    /** Test images {@code [from, from + count)}, loaded into {@code input}. */
    INDArray test(BatchInput input, int from, int count) {
        return input.load(testBatches, testIndices, from, count, null);
    }

    /** The labels of test images {@code [from, from + count)}, into {@code labels[0, count)}. */
    void testLabels(int from, int count, int[] labels) {
        for (int k = 0; k < count; k++) {
            labels[k] = test.label(from + k);
        }
    }
}
