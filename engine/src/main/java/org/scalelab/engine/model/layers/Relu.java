package org.scalelab.engine.model.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scalelab.engine.model.Layer;
import org.scalelab.engine.model.SampleShape;
import org.scalelab.engine.model.kernels.Elementwise;

/** Rectified linear unit, {@code max(0, x)}, elementwise; keeps the shape. */
public final class Relu implements Layer {
    private final SampleShape shape;
    private final BatchBuffers out;
    private final BatchBuffers gradIn;
    private final Elementwise elementwise = new Elementwise();
    private INDArray lastInput;

    public Relu(SampleShape shape) {
        this.shape = shape;
        this.out = new BatchBuffers(shape);
        this.gradIn = new BatchBuffers(shape);
    }

    @Override
    public String kind() {
        return "relu";
    }

    @Override
    public SampleShape inputShape() {
        return shape;
    }

    @Override
    public SampleShape outputShape() {
        return shape;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        lastInput = x;
        INDArray y = out.get(x.size(0), x.dataType());
        elementwise.relu(x, y);
        return y;
    }

    @Override
    public INDArray backward(INDArray dy, boolean inputGradientNeeded) {
        INDArray dx = gradIn.get(dy.size(0), dy.dataType());
        elementwise.reluBackward(lastInput, dy, dx);
        return dx;
    }
}
