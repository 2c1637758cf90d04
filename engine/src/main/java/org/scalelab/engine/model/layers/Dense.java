package org.scalelab.engine.model.layers;

import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.scalelab.engine.model.Initialisation;
import org.scalelab.engine.model.Layer;
import org.scalelab.engine.model.SampleShape;

/** Fully connected layer: {@code y = x·W + b} with {@code W} of shape {@code [in, out]}. */
public final class Dense implements Layer {
    private final SampleShape input;
    private final SampleShape output;
    private final Initialisation initialisation;
    private final BatchBuffers out;
    private final BatchBuffers gradIn;

    private INDArray weights;
    private INDArray bias;
    private INDArray weightGrad;
    private INDArray biasGrad;
    private INDArray lastInput;

    public Dense(SampleShape input, int units, Initialisation initialisation) {
        if (input.image()) {
            throw new IllegalArgumentException("dense needs a flat input but gets " + input + "; add a flatten layer before it");
        }
        this.input = input;
        this.output = SampleShape.vector(units);
        this.initialisation = initialisation;
        this.out = new BatchBuffers(output);
        this.gradIn = new BatchBuffers(input);
    }

    @Override
    public String kind() {
        return "dense";
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
    public int parameterCount() {
        return input.size() * output.size() + output.size();
    }

    @Override
    public void bind(INDArray parameters, INDArray gradients) {
        long weightCount = (long) input.size() * output.size();
        weights = matrixView(parameters, weightCount);
        bias = parameters.get(NDArrayIndex.interval(weightCount, parameters.length()));
        weightGrad = matrixView(gradients, weightCount);
        biasGrad = gradients.get(NDArrayIndex.interval(weightCount, gradients.length()));
    }

    private INDArray matrixView(INDArray flat, long count) {
        return flat.get(NDArrayIndex.interval(0, count)).reshape('c', input.size(), output.size());
    }

    @Override
    public void initialise(Random random) {
        initialisation.fill(weights, input.size(), output.size(), random);
        bias.assign(0);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        lastInput = x;
        INDArray y = out.get(x.size(0), x.dataType());
        Nd4j.gemm(x, weights, y, false, false, 1.0, 0.0);
        return y.addiRowVector(bias);
    }

    @Override
    public INDArray backward(INDArray dy, boolean inputGradientNeeded) {
        Nd4j.gemm(lastInput, dy, weightGrad, true, false, 1.0, 0.0);
        dy.sum(biasGrad, 0);
        if (!inputGradientNeeded) {
            return null;
        }
        INDArray dx = gradIn.get(dy.size(0), dy.dataType());
        Nd4j.gemm(dy, weights, dx, false, true, 1.0, 0.0);
        return dx;
    }
}
