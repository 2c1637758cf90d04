package org.scalelab.engine.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.scalelab.engine.model.layers.Dropout;

/**
 * Finite-difference gradient check in double precision: parameters of every layer are nudged by ±ε and the
 * central difference of the mean loss is compared with the back-propagated gradient. Dropout layers keep
 * their first mask, so every evaluation computes the same function.
 */
final class GradientChecker {
    private static final double EPSILON = 1e-6;
    private static final double TOLERANCE = 1e-5;
    /**
     * Differences below this are rounding, not errors: a gradient that is zero in exact arithmetic (a bias
     * followed by batch normalisation, which removes any constant shift) comes back as a few 1e-9.
     */
    private static final double ABSOLUTE_FLOOR = 1e-8;

    private GradientChecker() {
    }

    /**
     * Checks up to {@code checksPerLayer} parameters of each layer, spread evenly over its slice of the flat
     * buffer (so a small convolution in front of a huge dense layer is checked as thoroughly).
     */
    static void check(Architecture architecture, int batch, int checksPerLayer, long seed) {
        Network network = new Network(architecture, DataType.DOUBLE, seed);
        for (Layer layer : network.layers()) {
            if (layer instanceof Dropout dropout) {
                dropout.fixMask(true);
            }
        }
        RandomBatch data = RandomBatch.of(network, DataType.DOUBLE, batch, seed);
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(network.outputCount());
        data.forwardBackward(network, loss);
        INDArray analytic = network.gradients().dup();
        INDArray parameters = network.parameters();

        int checked = 0;
        double worst = 0;
        String worstAt = "";
        long layerStart = 0;
        for (int l = 0; l < network.layers().size(); l++) {
            Layer layer = network.layers().get(l);
            int size = layer.parameterCount();
            long stride = Math.max(1, size / checksPerLayer);
            for (long i = layerStart + seed % stride; i < layerStart + size; i += stride) {
                double original = parameters.getDouble(i);
                parameters.putScalar(i, original + EPSILON);
                double plus = data.meanLoss(network, loss);
                parameters.putScalar(i, original - EPSILON);
                double minus = data.meanLoss(network, loss);
                parameters.putScalar(i, original);
                double numeric = (plus - minus) / (2 * EPSILON);
                double exact = analytic.getDouble(i);
                double error = Math.abs(numeric - exact) / Math.max(1e-8, Math.abs(numeric) + Math.abs(exact));
                if (error > worst && Math.abs(numeric - exact) > ABSOLUTE_FLOOR) {
                    worst = error;
                    worstAt = String.format("layer %d (%s), parameter %d of %d: numeric %s vs back-propagated %s",
                            l + 1, layer.kind(), i - layerStart, size, numeric, exact);
                }
                checked++;
            }
            layerStart += size;
        }
        assertTrue(checked > 0, "no parameter checked");
        assertTrue(worst < TOLERANCE, architecture.name() + ": relative error " + worst + " at " + worstAt);
    }
}
