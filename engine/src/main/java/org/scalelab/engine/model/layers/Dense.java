package org.scalelab.engine.model.layers;

import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.scalelab.engine.model.Initialisation;
import org.scalelab.engine.model.SampleShape;
import org.scalelab.engine.model.kernels.Blas;

/**
 * Fully connected layer: {@code y = x·W + b} with {@code W} of shape {@code [in, out]}. Every step is a BLAS
 * call: the bias enters as the outer product {@code 1·bᵀ} that the main product then accumulates onto, and
 * its gradient is {@code dyᵀ·1}.
 */
public final class Dense extends AbstractLayer {
    private final Initialisation initialisation;
    private final BatchBuffers ones = BatchBuffers.ones();

    private INDArray weights;
    private INDArray biasRow;
    private INDArray weightGrad;
    private INDArray biasGrad;
    private INDArray lastInput;

    public Dense(SampleShape input, int units, Initialisation initialisation) {
        super("dense", requireFlat(input), SampleShape.vector(units));
        this.initialisation = initialisation;
    }

    private static SampleShape requireFlat(SampleShape input) {
        if (input.image()) {
            throw new IllegalArgumentException("dense needs a flat input but gets " + input + "; add a flatten layer before it");
        }
        return input;
    }

    @Override
    public int parameterCount() {
        return input.size() * output.size() + output.size();
    }

    @Override
    public long multiplyAddsPerImage() {
        return (long) input.size() * output.size();
    }

    @Override
    public void bind(INDArray parameters, INDArray gradients) {
        long weightCount = (long) input.size() * output.size();
        weights = matrixView(parameters, weightCount);
        biasRow = parameters.get(NDArrayIndex.interval(weightCount, parameters.length())).reshape('c', 1, output.size());
        weightGrad = matrixView(gradients, weightCount);
        biasGrad = gradients.get(NDArrayIndex.interval(weightCount, gradients.length()));
    }

    private INDArray matrixView(INDArray flat, long count) {
        return flat.get(NDArrayIndex.interval(0, count)).reshape('c', input.size(), output.size());
    }

    @Override
    public void initialise(Random random) {
        initialisation.fill(weights, input.size(), output.size(), random);
        biasRow.assign(0);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        lastInput = x;
        long n = x.size(0);
        INDArray y = outputBuffer(x);
        Blas.gemm(ones.get(n, x.dataType()), false, biasRow, false, y, 1, 0);
        Blas.gemm(x, false, weights, false, y, 1, 1);
        return y;
    }

    @Override
    public INDArray backward(INDArray dy, boolean inputGradientNeeded) {
        long n = dy.size(0);
        Blas.gemm(lastInput, true, dy, false, weightGrad, 1, 0);
        Blas.gemv(dy, true, ones.get(n, dy.dataType()), biasGrad, 1, 0);
        if (!inputGradientNeeded) {
            return null;
        }
        INDArray dx = inputGradientBuffer(dy);
        Blas.gemm(dy, false, weights, true, dx, 1, 0);
        return dx;
    }
}
