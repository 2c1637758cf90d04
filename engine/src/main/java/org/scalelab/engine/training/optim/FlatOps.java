package org.scalelab.engine.training.optim;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The one in-place primitive the update rules share. */
final class FlatOps {
    private FlatOps() {
    }

    /** {@code y += alpha·x} in place (BLAS axpy: no temporary array, unlike {@code y.addi(x.mul(alpha))}). */
    static void axpy(double alpha, INDArray x, INDArray y) {
        Nd4j.getBlasWrapper().level1().axpy(y.length(), alpha, x, y);
    }
}
