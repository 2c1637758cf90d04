package org.scalelab.engine.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scalelab.engine.model.Architecture;
import org.scalelab.engine.model.Network;
import org.scalelab.engine.model.SoftmaxCrossEntropy;
import org.scalelab.engine.model.kernels.Blas;

/**
 * Measures raw training speed of one architecture: forward, loss, backward and a plain SGD update
 * ({@code params -= lr·grads}) on one synthetic batch, repeated. No data loading, no threads of its own:
 * the native thread count is whatever {@code OMP_NUM_THREADS} was when the JVM started.
 */
public final class ModelBenchmark {
    private static final double LEARNING_RATE = 0.01;
    private static final int MIN_WARMUP_STEPS = 3;

    /**
     * @param medianStepMillis median wall time of one training step; the median, not the mean, because the
     *                         cores are shared and the occasional descheduled step would dominate a mean
     * @param busyCores        process CPU time over wall time across the timed steps: how many cores the step
     *                         kept busy (with 2 native threads, ≈1 means the second one had nothing to do)
     */
    public record Result(String architecture, int batchSize, int steps, double medianStepMillis, double busyCores) {
        public double imagesPerSecond() {
            return batchSize * 1000.0 / medianStepMillis;
        }

        @Override
        public String toString() {
            return String.format("%s batch %d: %.3f ms/step, %.0f images/s (median of %d steps, %.2f cores busy)",
                    architecture, batchSize, medianStepMillis, imagesPerSecond(), steps, busyCores);
        }
    }

    private ModelBenchmark() {
    }

    /**
     * Runs {@code steps} timed training steps after as many untimed ones (at least {@value #MIN_WARMUP_STEPS}),
     * which let the JIT compile the Java side and oneDNN build its kernels.
     */
    public static Result measure(Architecture architecture, int batchSize, int steps) {
        if (batchSize <= 0 || steps <= 0) {
            throw new IllegalArgumentException("batch size and steps must be positive");
        }
        Network network = new Network(architecture, DataType.FLOAT, 1);
        Random random = new Random(1);
        float[] pixels = new float[batchSize * network.inputShape().size()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) random.nextGaussian();
        }
        INDArray input = Nd4j.createFromArray(pixels).reshape(network.inputShape().batchShape(batchSize));
        int[] labels = random.ints(batchSize, 0, network.outputCount()).toArray();
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(network.outputCount());

        for (int i = 0; i < Math.max(MIN_WARMUP_STEPS, steps); i++) {
            step(network, loss, input, labels);
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long wallStart = System.nanoTime();
        double[] millis = new double[steps];
        for (int i = 0; i < steps; i++) {
            long start = System.nanoTime();
            step(network, loss, input, labels);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        double busyCores = (double) (os.getProcessCpuTime() - cpuStart) / (System.nanoTime() - wallStart);
        Arrays.sort(millis);
        double median = steps % 2 == 1 ? millis[steps / 2] : (millis[steps / 2 - 1] + millis[steps / 2]) / 2;
        return new Result(architecture.name(), batchSize, steps, median, busyCores);
    }

    private static void step(Network network, SoftmaxCrossEntropy loss, INDArray input, int[] labels) {
        loss.evaluateWithGradient(network.forward(input, true), labels, 1.0 / labels.length);
        network.backward(loss.gradient());
        Blas.axpy(-LEARNING_RATE, network.gradients(), network.parameters());
    }
}
