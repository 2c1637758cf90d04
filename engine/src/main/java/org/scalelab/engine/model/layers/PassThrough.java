package org.scalelab.engine.model.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scalelab.engine.model.SampleShape;

/**
 * A layer whose work the next layer does (a ReLU before a max pooling, see
 * {@link org.scalelab.engine.model.spec.BuildContext}): it hands on its input and its gradient unchanged. It keeps
 * its place in the network, so that layer numbers, tables and checkpoints still follow the architecture, and its
 * kind says where its work went.
 */
public final class PassThrough extends AbstractLayer {

    public PassThrough(String kind, SampleShape shape) {
        super(kind, shape, shape);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        return x;
    }

    @Override
    public INDArray backward(INDArray dy, boolean inputGradientNeeded) {
        return dy;
    }
}
