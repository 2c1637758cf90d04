package org.scalelab.engine.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scalelab.engine.model.layers.Dropout;

/**
 * Finite-difference gradient check in double precision: every (or every k-th) parameter is nudged by ±ε
 * and the central difference of the mean loss is compared with the back-propagated gradient. Dropout layers
 * keep their first mask, so every evaluation computes the same function.
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

    /** Checks at most {@code maxChecks} parameters spread evenly over the whole flat buffer. */
    static void check(Architecture architecture, int batch, int maxChecks, long seed) {
        Network network = new Network(architecture, DataType.DOUBLE, seed);
        for (Layer layer : network.layers()) {
            if (layer instanceof Dropout dropout) {
                dropout.fixMask(true);
            }
        }
        Random random = new Random(seed);
        double[] values = new double[batch * network.inputShape().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble() * 2 - 1;
        }
        INDArray input = Nd4j.createFromArray(values).reshape(network.inputShape().batchShape(batch));
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = random.nextInt(network.outputCount());
        }
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(network.outputCount());
        loss.evaluateWithGradient(network.forward(input, true), labels, 1.0 / batch);
        network.backward(loss.gradient());
        INDArray analytic = network.gradients().dup();

        INDArray parameters = network.parameters();
        long count = parameters.length();
        long stride = Math.max(1, count / maxChecks);
        int checked = 0;
        double worst = 0;
        String worstAt = "";
        for (long i = (seed % stride); i < count; i += stride) {
            double original = parameters.getDouble(i);
            parameters.putScalar(i, original + EPSILON);
            double plus = loss.evaluate(network.forward(input, true), labels).meanLoss();
            parameters.putScalar(i, original - EPSILON);
            double minus = loss.evaluate(network.forward(input, true), labels).meanLoss();
            parameters.putScalar(i, original);
            double numeric = (plus - minus) / (2 * EPSILON);
            double exact = analytic.getDouble(i);
            double error = Math.abs(numeric - exact) / Math.max(1e-8, Math.abs(numeric) + Math.abs(exact));
            if (error > worst && Math.abs(numeric - exact) > ABSOLUTE_FLOOR) {
                worst = error;
                worstAt = "parameter " + i + ": numeric " + numeric + " vs back-propagated " + exact;
            }
            checked++;
        }
        assertTrue(checked > 0, "no parameter checked");
        assertTrue(worst < TOLERANCE, architecture.name() + ": relative error " + worst + " at " + worstAt);
    }
}
