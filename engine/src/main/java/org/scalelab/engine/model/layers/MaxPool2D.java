package org.scalelab.engine.model.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.scalelab.engine.model.Padding;
import org.scalelab.engine.model.SampleShape;
import org.scalelab.engine.model.kernels.MaxPooling;

/**
 * Max pooling over square windows of NHWC images ({@link ActivationLayout}; no padding), by {@link MaxPooling}
 * writing into reused buffers. Rows or columns left over when the window does not divide the input are dropped,
 * as in every framework's default. It can apply the ReLU before it too ({@link MaxPooling}'s {@code reluFirst}).
 */
public final class MaxPool2D extends AbstractLayer {
    private final MaxPooling pooling;

    /** @param reluFirst pool the ReLU of the input, for the ReLU before this layer (which then passes its input on) */
    public MaxPool2D(SampleShape input, int size, int stride, boolean reluFirst) {
        super(reluFirst ? "maxpool2d (with the relu)" : "maxpool2d", input, outputShape(input, size, stride));
        this.pooling = new MaxPooling(input, output, size, stride, reluFirst);
    }

    private static SampleShape outputShape(SampleShape input, int size, int stride) {
        if (!input.image()) {
            throw new IllegalArgumentException("maxpool2d needs an image input but gets a flat vector of " + input);
        }
        int height = Padding.VALID.outputLength(input.height(), size, stride);
        int width = Padding.VALID.outputLength(input.width(), size, stride);
        if (height == 0 || width == 0) {
            throw new IllegalArgumentException("the " + size + "×" + size + " window is larger than the "
                    + input.height() + "×" + input.width() + " input");
        }
        return SampleShape.image(input.channels(), height, width);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        INDArray y = outputBuffer(x);
        pooling.forward(x, y);
        return y;
    }

    @Override
    public INDArray backward(INDArray dy, boolean inputGradientNeeded) {
        INDArray dx = inputGradientBuffer(dy);
        pooling.backward(dy, dx);
        return dx;
    }
}
