package org.scalelab.engine.training.optim;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.scalelab.engine.model.kernels.Blas;

/**
 * Adam exactly as PyTorch computes it, bias correction included:
 * {@code m = β1·m + (1-β1)·g; v = β2·v + (1-β2)·g²; p -= lr/(1-β1^t) · m / (√v/√(1-β2^t) + ε)}.
 * (ND4J's native Adam op puts ε inside the bias correction, which changes early steps slightly; matching
 * PyTorch keeps results comparable with the reference studies.)
 */
public final class Adam implements Optimizer {
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final INDArray firstMoment;
    private final INDArray secondMoment;
    private final INDArray scratch;
    private long steps;

    /** @param like a buffer with the parameters' length and type; moments start at zero */
    public Adam(double beta1, double beta2, double epsilon, INDArray like) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.firstMoment = Nd4j.zeros(like.dataType(), like.length());
        this.secondMoment = Nd4j.zeros(like.dataType(), like.length());
        this.scratch = Nd4j.zeros(like.dataType(), like.length());
    }

    @Override
    public void step(INDArray parameters, INDArray gradients, double learningRate) {
        steps++;
        firstMoment.muli(beta1);
        Blas.axpy(1 - beta1, gradients, firstMoment);
        scratch.assign(gradients).muli(gradients);
        secondMoment.muli(beta2);
        Blas.axpy(1 - beta2, scratch, secondMoment);

        double firstCorrection = 1 - Math.pow(beta1, steps);
        double secondCorrection = 1 - Math.pow(beta2, steps);
        scratch.assign(secondMoment);
        Transforms.sqrt(scratch, false).muli(1 / Math.sqrt(secondCorrection)).addi(epsilon).rdivi(firstMoment);
        Blas.axpy(-learningRate / firstCorrection, scratch, parameters);
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
