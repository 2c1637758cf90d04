package org.scalelab.engine.model.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scalelab.engine.model.SampleShape;
import org.scalelab.engine.model.kernels.Elementwise;

/** Rectified linear unit, {@code max(0, x)}, elementwise; keeps the shape. */
public final class Relu extends AbstractLayer {
    private final Elementwise elementwise = new Elementwise();
    private INDArray lastInput;

    public Relu(SampleShape shape) {
        super("relu", shape, shape);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        lastInput = x;
        INDArray y = outputBuffer(x);
        elementwise.relu(x, y);
        return y;
    }

    @Override
    public INDArray backward(INDArray dy, boolean inputGradientNeeded) {
        INDArray dx = inputGradientBuffer(dy);
        elementwise.reluBackward(lastInput, dy, dx);
        return dx;
    }
}
