package org.scalelab.engine.bench;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.scalelab.engine.model.Architecture;
import org.scalelab.engine.model.Layer;
import org.scalelab.engine.model.LayerClock;
import org.scalelab.engine.model.Network;

/**
 * Where one training step's time goes: each layer's forward and backward pass, the conversion of the input
 * batch to the layers' layout, the loss and the SGD update, on a {@link SyntheticStep} repeated. Times are
 * means over the timed steps (not medians, so that the parts add up to the step). For the layers that are
 * matrix products (convolutions and dense layers) it also counts their floating-point work, so that their speed
 * can be read against the core's peak.
 */
public final class LayerBenchmark {

    /**
     * @param backwardMillis 0 for the layers below the first one with weights, which back-propagation skips
     * @param forwardFlops   floating-point operations of the forward pass over the batch (a multiply-add counts
     *                       two); 0 for layers that are not matrix products
     * @param backwardFlops  the same for the backward pass: the weight gradient, and the input gradient except
     *                       for the first layer with weights, each as much work as the forward pass
     */
    public record LayerTime(String kind, String output, int parameters, double forwardMillis, double backwardMillis,
                            long forwardFlops, long backwardFlops) {
        public double totalMillis() {
            return forwardMillis + backwardMillis;
        }
    }

    /** Milliseconds per step, means over {@code steps} timed steps. */
    public record Result(String architecture, int batchSize, int steps, double inputLayoutMillis, List<LayerTime> layers,
                         double lossMillis, double updateMillis) {
        public Result {
            layers = List.copyOf(layers);
        }

        public double stepMillis() {
            return inputLayoutMillis + lossMillis + updateMillis + layers.stream().mapToDouble(LayerTime::totalMillis).sum();
        }

        /** The step's matrix work over its whole time, in GFLOP/s: what the step makes of the machine's peak. */
        public double stepGflops() {
            return layers.stream().mapToLong(l -> l.forwardFlops() + l.backwardFlops()).sum() / (stepMillis() * 1e6);
        }
    }

    private LayerBenchmark() {
    }

    /**
     * Runs {@code steps} timed training steps on a {@link SyntheticStep#warmedUp warmed-up} synthetic step, warmed for at
     * least {@code warmupMillis}.
     */
    public static Result measure(Architecture architecture, int batchSize, int steps, long warmupMillis) {
        SyntheticStep step = SyntheticStep.warmedUp(architecture, batchSize, steps, warmupMillis);
        List<Layer> layers = step.network().layers();
        PartClock clock = new PartClock(layers.size());
        for (int i = 0; i < steps; i++) {
            clock.startStep();
            step.run(clock);
        }
        List<LayerTime> times = new ArrayList<>();
        List<long[]> flops = flops(layers, batchSize);
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            times.add(new LayerTime(layer.kind(), layer.outputShape().toString(), layer.parameterCount(),
                    clock.millisPerStep(i, false, steps), clock.millisPerStep(i, true, steps),
                    flops.get(i)[0], flops.get(i)[1]));
        }
        return new Result(architecture.name(), batchSize, steps, clock.millisPerStep(LayerClock.INPUT_LAYOUT, false, steps),
                times, clock.millisPerStep(SyntheticStep.LOSS, false, steps), clock.millisPerStep(SyntheticStep.UPDATE, false, steps));
    }

    /** The matrix work of one training step on a batch, in floating-point operations ({@link LayerTime}). */
    public static long flopsPerStep(Architecture architecture, int batchSize) {
        List<Layer> layers = new Network(architecture, DataType.FLOAT, 0).layers();
        return flops(layers, batchSize).stream().mapToLong(layer -> layer[0] + layer[1]).sum();
    }

    /**
     * Each layer's forward and backward operations over a batch: backward, the weight gradient and the input
     * gradient, each as much work as the forward pass, except below the first layer with weights, which needs no
     * input gradient.
     */
    private static List<long[]> flops(List<Layer> layers, int batchSize) {
        List<long[]> flops = new ArrayList<>();
        boolean weightsBelow = false;
        for (Layer layer : layers) {
            long forward = 2L * layer.multiplyAddsPerImage() * batchSize;
            flops.add(new long[] {forward, weightsBelow ? 2 * forward : forward});
            weightsBelow |= layer.parameterCount() > 0;
        }
        return flops;
    }

    /** Adds the time since the previous part finished to the part that just finished. */
    private static final class PartClock implements LayerClock {
        /** Forward then backward nanoseconds per layer, then input layout, loss and update. */
        private final long[] nanos;
        private final int layers;
        private long last;

        PartClock(int layers) {
            this.layers = layers;
            this.nanos = new long[2 * layers + 3];
        }

        void startStep() {
            last = System.nanoTime();
        }

        @Override
        public void finished(int layer, boolean backward) {
            long now = System.nanoTime();
            nanos[slot(layer, backward)] += now - last;
            last = now;
        }

        double millisPerStep(int layer, boolean backward, int steps) {
            return nanos[slot(layer, backward)] / 1e6 / steps;
        }

        private int slot(int layer, boolean backward) {
            return switch (layer) {
                case LayerClock.INPUT_LAYOUT -> 2 * layers;
                case SyntheticStep.LOSS -> 2 * layers + 1;
                case SyntheticStep.UPDATE -> 2 * layers + 2;
                default -> 2 * layer + (backward ? 1 : 0);
            };
        }
    }
}
