package org.scalelab.engine.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import org.scalelab.engine.model.Architecture;

/** Measures raw training speed of one architecture: a {@link SyntheticStep}, repeated. */
public final class ModelBenchmark {
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
     * Runs {@code steps} timed training steps on a {@link SyntheticStep#warmedUp warmed-up} synthetic step, warmed for at
     * least {@code warmupMillis}.
     */
    public static Result measure(Architecture architecture, int batchSize, int steps, long warmupMillis) {
        SyntheticStep step = SyntheticStep.warmedUp(architecture, batchSize, steps, warmupMillis);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long wallStart = System.nanoTime();
        double[] millis = new double[steps];
        for (int i = 0; i < steps; i++) {
            long start = System.nanoTime();
            step.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        double busyCores = (double) (os.getProcessCpuTime() - cpuStart) / (System.nanoTime() - wallStart);
        return new Result(architecture.name(), batchSize, steps, Median.of(millis), busyCores);
    }
}
