package org.scalelab.engine.training.optim;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scalelab.engine.model.kernels.Blas;

/**
 * L2 weight decay in front of any update rule: {@code g += λ·p}, then the rule's step. This is what PyTorch's
 * {@code weight_decay} argument does for SGD and Adam alike, so one wrapper serves every optimiser.
 */
public final class WeightDecay implements Optimizer {
    private final double decay;
    private final Optimizer rule;

    public WeightDecay(double decay, Optimizer rule) {
        this.decay = decay;
        this.rule = rule;
    }

    @Override
    public void step(INDArray parameters, INDArray gradients, double learningRate) {
        Blas.axpy(decay, parameters, gradients);
        rule.step(parameters, gradients, learningRate);
    }

    @Override
    public void saveState(java.io.DataOutput out) throws java.io.IOException {
        rule.saveState(out);
    }

    @Override
    public void restoreState(java.io.DataInput in) throws java.io.IOException {
        rule.restoreState(in);
    }
}
