package org.scalelab.engine.model.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scalelab.engine.model.Layer;
import org.scalelab.engine.model.SampleShape;

/** Turns {@code [n, c, h, w]} into {@code [n, c·h·w]} (a view, no copy: NCHW buffers are contiguous). */
public final class Flatten implements Layer {
    private final SampleShape input;
    private final SampleShape output;

    public Flatten(SampleShape input) {
        this.input = input;
        this.output = SampleShape.vector(input.size());
    }

    @Override
    public String kind() {
        return "flatten";
    }

    @Override
    public SampleShape inputShape() {
        return input;
    }

    @Override
    public SampleShape outputShape() {
        return output;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        return x.reshape('c', x.size(0), output.size());
    }

    @Override
    public INDArray backward(INDArray dy, boolean inputGradientNeeded) {
        return dy.reshape('c', input.batchShape((int) dy.size(0)));
    }
}
