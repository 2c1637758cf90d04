package org.scalelab.engine.training.optim;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.scalelab.engine.model.kernels.Blas;

/**
 * SGD with heavy-ball momentum in PyTorch's form: {@code v = μ·v + g; p -= lr·v}. (The other common form
 * scales g by lr inside v; the two differ only when the learning rate changes during the run.)
 */
public final class MomentumSgd implements Optimizer {
    private final double momentum;
    private final INDArray velocity;

    /** @param like a buffer with the parameters' length and type; the velocity starts at zero */
    public MomentumSgd(double momentum, INDArray like) {
        this.momentum = momentum;
        this.velocity = Nd4j.zeros(like.dataType(), like.length());
    }

    @Override
    public void step(INDArray parameters, INDArray gradients, double learningRate) {
        velocity.muli(momentum).addi(gradients);
        Blas.axpy(-learningRate, velocity, parameters);
    }

    @Override
    public void saveState(java.io.DataOutput out) throws java.io.IOException {
        StateArrays.write(out, velocity);
    }

    @Override
    public void restoreState(java.io.DataInput in) throws java.io.IOException {
        StateArrays.read(in, velocity);
    }
}
