package org.scalelab.engine.model.layers;

import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.scalelab.engine.model.Initialisation;
import org.scalelab.engine.model.Layer;
import org.scalelab.engine.model.Padding;
import org.scalelab.engine.model.SampleShape;

/**
 * 2-D convolution over NCHW images with a square kernel, through ND4J's native {@code conv2d}/{@code conv2d_bp}
 * ops (oneDNN for FLOAT, libnd4j's im2col path for DOUBLE). Weights are kept as {@code [out, in, kH, kW]}, the
 * layout oneDNN calls OIHW and reads directly; both ops write straight into the activation buffers and the
 * flat gradient buffer, so a step allocates nothing here.
 */
public final class Conv2D implements Layer {
    private static final int NCHW = 0;
    private static final int WEIGHTS_OUT_IN_H_W = 1;

    private final SampleShape input;
    private final SampleShape output;
    private final int kernel;
    private final Initialisation initialisation;
    /** kH, kW, sH, sW, pH, pW, dH, dW, same mode, data format, weight format: shared by both ops. */
    private final int[] opArguments;
    private final BatchBuffers out;
    private final BatchBuffers gradIn;

    private INDArray weights;
    private INDArray bias;
    private INDArray weightGrad;
    private INDArray biasGrad;
    private INDArray lastInput;

    public Conv2D(SampleShape input, int filters, int kernel, int stride, Padding padding, Initialisation initialisation) {
        if (!input.image()) {
            throw new IllegalArgumentException("conv2d needs an image input but gets a flat vector of " + input);
        }
        int height = padding.outputLength(input.height(), kernel, stride);
        int width = padding.outputLength(input.width(), kernel, stride);
        if (height == 0 || width == 0) {
            throw new IllegalArgumentException("the " + kernel + "×" + kernel + " kernel is larger than the "
                    + input.height() + "×" + input.width() + " input with valid padding");
        }
        this.input = input;
        this.output = SampleShape.image(filters, height, width);
        this.kernel = kernel;
        this.initialisation = initialisation;
        this.opArguments = new int[] {kernel, kernel, stride, stride, 0, 0, 1, 1, padding == Padding.SAME ? 1 : 0,
                NCHW, WEIGHTS_OUT_IN_H_W};
        this.out = new BatchBuffers(output);
        this.gradIn = new BatchBuffers(input);
    }

    @Override
    public String kind() {
        return "conv2d";
    }

    @Override
    public SampleShape inputShape() {
        return input;
    }

    @Override
    public SampleShape outputShape() {
        return output;
    }

    private int fanIn() {
        return input.channels() * kernel * kernel;
    }

    @Override
    public int parameterCount() {
        return output.channels() * fanIn() + output.channels();
    }

    @Override
    public void bind(INDArray parameters, INDArray gradients) {
        long weightCount = (long) output.channels() * fanIn();
        weights = kernelView(parameters, weightCount);
        bias = parameters.get(NDArrayIndex.interval(weightCount, parameters.length()));
        weightGrad = kernelView(gradients, weightCount);
        biasGrad = gradients.get(NDArrayIndex.interval(weightCount, gradients.length()));
    }

    private INDArray kernelView(INDArray flat, long count) {
        return flat.get(NDArrayIndex.interval(0, count)).reshape('c', output.channels(), input.channels(), kernel, kernel);
    }

    @Override
    public void initialise(Random random) {
        initialisation.fill(weights, fanIn(), output.channels() * kernel * kernel, random);
        bias.assign(0);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        lastInput = x;
        INDArray y = out.get(x.size(0), x.dataType());
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(x, weights, bias).addOutputs(y)
                .addIntegerArguments(opArguments).build());
        return y;
    }

    @Override
    public INDArray backward(INDArray dy, boolean inputGradientNeeded) {
        // conv2d_bp always computes the input gradient; the first layer simply does not pass it on
        INDArray dx = gradIn.get(dy.size(0), dy.dataType());
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(lastInput, weights, bias, dy)
                .addOutputs(dx, weightGrad, biasGrad).addIntegerArguments(opArguments).build());
        return inputGradientNeeded ? dx : null;
    }
}
