package org.scalelab.engine.training.optim;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scalelab.engine.model.kernels.Blas;

/** Plain SGD: {@code p -= lr·g}. */
public final class Sgd implements Optimizer {

    @Override
    public void step(INDArray parameters, INDArray gradients, double learningRate) {
        Blas.axpy(-learningRate, gradients, parameters);
    }
}
