package org.scalelab.engine.model.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scalelab.engine.model.SampleShape;

/**
 * Turns {@code [n, h, w, c]} into {@code [n, h·w·c]} (a view, no copy: activation buffers are contiguous).
 * Building a view costs ND4J ≈10 µs, and the arrays passing through are the neighbours' reused buffers, so the
 * view of the last array seen in each direction is kept and handed out again.
 */
public final class Flatten extends AbstractLayer {
    private final ReshapedView forwardView = new ReshapedView();
    private final ReshapedView backwardView = new ReshapedView();

    public Flatten(SampleShape input) {
        super("flatten", input, SampleShape.vector(input.size()));
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        return forwardView.of(x, ActivationLayout.batchShape(output, x.size(0)));
    }

    @Override
    public INDArray backward(INDArray dy, boolean inputGradientNeeded) {
        return backwardView.of(dy, ActivationLayout.batchShape(input, dy.size(0)));
    }
}
