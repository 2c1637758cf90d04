package org.scalelab.engine.model.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.scalelab.engine.model.Layer;
import org.scalelab.engine.model.Padding;
import org.scalelab.engine.model.SampleShape;

/**
 * Max pooling over square windows of NCHW images (no padding), through ND4J's native {@code maxpool2d} and
 * {@code maxpool2d_bp} ops writing into reused buffers. Rows or columns left over when the window does not
 * divide the input are dropped, as in every framework's default.
 */
public final class MaxPool2D implements Layer {
    private static final int NCHW = 0;

    private final SampleShape input;
    private final SampleShape output;
    /** kH, kW, sH, sW, pH, pW, dH, dW, same mode, (unused by max pooling), data format: shared by both ops. */
    private final int[] opArguments;
    private final BatchBuffers out;
    private final BatchBuffers gradIn;
    private INDArray lastInput;

    public MaxPool2D(SampleShape input, int size, int stride) {
        if (!input.image()) {
            throw new IllegalArgumentException("maxpool2d needs an image input but gets a flat vector of " + input);
        }
        int height = Padding.VALID.outputLength(input.height(), size, stride);
        int width = Padding.VALID.outputLength(input.width(), size, stride);
        if (height == 0 || width == 0) {
            throw new IllegalArgumentException("the " + size + "×" + size + " window is larger than the "
                    + input.height() + "×" + input.width() + " input");
        }
        this.input = input;
        this.output = SampleShape.image(input.channels(), height, width);
        this.opArguments = new int[] {size, size, stride, stride, 0, 0, 1, 1, 0, 0, NCHW};
        this.out = new BatchBuffers(output);
        this.gradIn = new BatchBuffers(input);
    }

    @Override
    public String kind() {
        return "maxpool2d";
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
        lastInput = x;
        INDArray y = out.get(x.size(0), x.dataType());
        Nd4j.exec(DynamicCustomOp.builder("maxpool2d").addInputs(x).addOutputs(y)
                .addIntegerArguments(opArguments).build());
        return y;
    }

    @Override
    public INDArray backward(INDArray dy, boolean inputGradientNeeded) {
        INDArray dx = gradIn.get(dy.size(0), dy.dataType());
        Nd4j.exec(DynamicCustomOp.builder("maxpool2d_bp").addInputs(lastInput, dy).addOutputs(dx)
                .addIntegerArguments(opArguments).build());
        return dx;
    }
}
