package org.scalelab.engine.bench;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scalelab.engine.model.Architecture;
import org.scalelab.engine.model.LayerClock;
import org.scalelab.engine.model.Network;
import org.scalelab.engine.model.SoftmaxCrossEntropy;
import org.scalelab.engine.model.kernels.Blas;

/**
 * One training step — forward, loss, backward and a plain SGD update ({@code params -= lr·grads}) — on one fixed
 * synthetic batch, as the model benchmarks repeat it. No data loading, no threads of its own: the thread count is
 * the calling thread's ({@link org.scalelab.engine.model.kernels.IntraOpThreads}).
 */
final class SyntheticStep {
    /** What {@link #run} tells the clock after the loss and after the update, beside the network's own parts. */
    static final int LOSS = -2;
    static final int UPDATE = -3;

    private static final double LEARNING_RATE = 0.01;
    private static final int MIN_WARMUP_STEPS = 3;

    private final Network network;
    private final SoftmaxCrossEntropy loss;
    private final INDArray input;
    private final int[] labels;

    private SyntheticStep(Architecture architecture, int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        this.network = new Network(architecture, DataType.FLOAT, 1);
        Random random = new Random(1);
        float[] pixels = new float[batchSize * network.inputShape().size()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextGaussian();
        }
        this.input = Nd4j.createFromArray(pixels).reshape(network.inputShape().batchShape(batchSize));
        this.labels = random.ints(batchSize, 0, network.outputCount()).toArray();
        this.loss = new SoftmaxCrossEntropy(network.outputCount());
    }

    Network network() {
        return network;
    }

    /**
     * A step that has already run as many untimed times as {@code timedSteps} (at least {@value #MIN_WARMUP_STEPS}), and
     * for at least {@code minimumMillis}, which let the JIT compile the Java side and oneDNN build its kernels.
     */
    static SyntheticStep warmedUp(Architecture architecture, int batchSize, int timedSteps, long minimumMillis) {
        if (timedSteps <= 0) {
            throw new IllegalArgumentException("steps must be positive");
        }
        SyntheticStep step = new SyntheticStep(architecture, batchSize);
        long start = System.nanoTime();
        for (int i = 0; i < Math.max(MIN_WARMUP_STEPS, timedSteps) || System.nanoTime() - start < minimumMillis * 1e6; i++) {
            step.run();
        }
        return step;
    }

    void run() {
        run(LayerClock.NONE);
    }

    /** One step, telling {@code clock} as each part finishes: the network's parts, then {@link #LOSS}, {@link #UPDATE}. */
    void run(LayerClock clock) {
        INDArray logits = network.forward(input, true, clock);
        loss.evaluateWithGradient(logits, labels, 1.0 / labels.length);
        clock.finished(LOSS, false);
        network.backward(loss.gradient(), clock);
        Blas.axpy(-LEARNING_RATE, network.gradients(), network.parameters());
        clock.finished(UPDATE, false);
    }
}
