package org.scalelab.engine.model;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A reproducible batch of uniform(−1, 1) images and uniformly drawn labels for a network's shapes. */
record RandomBatch(INDArray input, int[] labels) {

    static RandomBatch of(Network network, DataType type, int batch, long seed) {
        Random random = new Random(seed);
        double[] values = new double[batch * network.inputShape().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble() * 2 - 1;
        }
        INDArray input = Nd4j.createFromArray(values).castTo(type).reshape(network.inputShape().batchShape(batch));
        int[] labels = random.ints(batch, 0, network.outputCount()).toArray();
        return new RandomBatch(input, labels);
    }

    /** Mean loss of one forward pass, writing dLoss/dLogits into {@code loss} and back-propagating it. */
    double forwardBackward(Network network, SoftmaxCrossEntropy loss) {
        double mean = loss.evaluateWithGradient(network.forward(input, true), labels, 1.0 / labels.length).meanLoss();
        network.backward(loss.gradient());
        return mean;
    }

    double meanLoss(Network network, SoftmaxCrossEntropy loss) {
        return loss.evaluate(network.forward(input, true), labels).meanLoss();
    }
}
