package org.scalelab.engine.training.optim;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam exactly as PyTorch computes it, bias correction included:
 * {@code m = β1·m + (1-β1)·g; v = β2·v + (1-β2)·g²; p -= lr/(1-β1^t) · m / (√v/√(1-β2^t) + ε)}.
 * (ND4J's native Adam op puts ε inside the bias correction, which changes early steps slightly; matching
 * PyTorch keeps results comparable with the reference studies.) One pass over the buffers ({@link OnePassStep}).
 */
public final class Adam implements Optimizer {
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final INDArray firstMoment;
    private final INDArray secondMoment;
    private final OnePassStep pass;
    private long steps;

    /** @param like a buffer with the parameters' length and type; moments start at zero */
    public Adam(double beta1, double beta2, double epsilon, INDArray like) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.firstMoment = Nd4j.zeros(like.dataType(), like.length());
        this.secondMoment = Nd4j.zeros(like.dataType(), like.length());
        this.pass = new OnePassStep(firstMoment, secondMoment);
    }

    @Override
    public void step(INDArray parameters, INDArray gradients, double learningRate) {
        steps++;
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float eps = (float) epsilon;
        float stepSize = (float) (learningRate / (1 - Math.pow(beta1, steps)));
        float inverseSecondCorrectionRoot = (float) (1 / Math.sqrt(1 - Math.pow(beta2, steps)));
        pass.apply(parameters, gradients, (chunk, count) -> {
            float[] p = chunk[0];
            float[] m = chunk[1];
            float[] v = chunk[2];
            float[] g = chunk[3];
            for (int i = 0; i < count; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                p[i] -= stepSize * m[i] / ((float) Math.sqrt(v[i]) * inverseSecondCorrectionRoot + eps);
            }
        });
    }

    @Override
    public void saveState(java.io.DataOutput out) throws java.io.IOException {
        out.writeLong(steps);
        StateArrays.write(out, firstMoment);
        StateArrays.write(out, secondMoment);
    }

    @Override
    public void restoreState(java.io.DataInput in) throws java.io.IOException {
        steps = in.readLong();
        StateArrays.read(in, firstMoment);
        StateArrays.read(in, secondMoment);
    }
}
