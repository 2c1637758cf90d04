package org.scalelab.engine.training.optim;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SGD with heavy-ball momentum in PyTorch's form: {@code v = μ·v + g; p -= lr·v}. (The other common form
 * scales g by lr inside v; the two differ only when the learning rate changes during the run.) One pass over the
 * buffers ({@link OnePassStep}).
 */
public final class MomentumSgd implements Optimizer {
    private final double momentum;
    private final INDArray velocity;
    private final OnePassStep pass;

    /** @param like a buffer with the parameters' length and type; the velocity starts at zero */
    public MomentumSgd(double momentum, INDArray like) {
        this.momentum = momentum;
        this.velocity = Nd4j.zeros(like.dataType(), like.length());
        this.pass = new OnePassStep(velocity);
    }

    @Override
    public void step(INDArray parameters, INDArray gradients, double learningRate) {
        float mu = (float) momentum;
        float rate = (float) learningRate;
        pass.apply(parameters, gradients, (chunk, count) -> {
            float[] p = chunk[0];
            float[] v = chunk[1];
            float[] g = chunk[2];
            for (int i = 0; i < count; i++) {
                v[i] = mu * v[i] + g[i];
                p[i] -= rate * v[i];
            }
        });
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
