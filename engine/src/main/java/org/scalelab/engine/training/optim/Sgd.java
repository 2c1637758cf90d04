package org.scalelab.engine.training.optim;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Plain SGD: {@code p -= lr·g}. */
public final class Sgd implements Optimizer {

    @Override
    public void step(INDArray parameters, INDArray gradients, double learningRate) {
        FlatOps.axpy(-learningRate, gradients, parameters);
    }
}
