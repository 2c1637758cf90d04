package org.scalelab.engine.model.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.scalelab.engine.model.SampleShape;

/**
 * Inverted dropout: in training each value is zeroed with probability {@code rate} and the survivors are
 * scaled by {@code 1 / (1 − rate)}, so evaluation is the identity and needs no rescaling. The mask (zeros
 * and the scale) comes from a native random generator of this layer's own, seeded at build time, so a run is
 * reproducible and replicas do not share generator state.
 */
public final class Dropout extends AbstractLayer {
    private final double rate;
    private final Random random;
    private final BatchBuffers masks;
    private INDArray mask;
    private boolean maskFixed;

    public Dropout(SampleShape shape, double rate, long seed) {
        super("dropout", shape, shape);
        this.rate = rate;
        this.random = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        this.masks = new BatchBuffers(shape);
    }

    /** The generator's position: a resumed run draws the masks it would have drawn. */
    @Override
    public void saveState(java.io.DataOutput out) throws java.io.IOException {
        out.writeLong(random.rootState());
        out.writeLong(random.nodeState());
    }

    @Override
    public void restoreState(java.io.DataInput in) throws java.io.IOException {
        long root = in.readLong();
        random.setStates(root, in.readLong());
    }

    /**
     * While fixed, training passes reuse the current mask instead of drawing a new one per pass: a finite-
     * difference gradient check needs the same function on every evaluation.
     */
    public void fixMask(boolean fixed) {
        this.maskFixed = fixed;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        if (!training) {
            return x;
        }
        if (!maskFixed || mask == null || mask.size(0) != x.size(0)) {
            mask = masks.get(x.size(0), x.dataType());
            Nd4j.getExecutioner().exec(new BernoulliDistribution(mask, 1 - rate), random);
            mask.muli(1 / (1 - rate));
        }
        INDArray y = outputBuffer(x);
        Nd4j.exec(new MulOp(x, mask, y));
        return y;
    }

    /** Differentiates the last training-mode forward pass. */
    @Override
    public INDArray backward(INDArray dy, boolean inputGradientNeeded) {
        INDArray dx = inputGradientBuffer(dy);
        Nd4j.exec(new MulOp(dy, mask, dx));
        return dx;
    }
}
