package org.scalelab.engine.model.layers;

import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.scalelab.engine.model.Initialisation;
import org.scalelab.engine.model.SampleShape;
import org.scalelab.engine.model.kernels.Blas;
import org.scalelab.engine.model.kernels.IntraOpThreads;
import org.scalelab.engine.model.kernels.Layouts;

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

    /**
     * With enough work the output's product is shared among the worker's {@link IntraOpThreads} by samples. The
     * backward products run whole on the native threads the network gives the layer: shared the same way (the input
     * gradient by samples, the weight gradient by input features),
     * {@code cnn-1m}'s dense layer took 2.8–3.2 ms at two threads, more than on one (2.4), and 2.0–2.6 as two
     * products on two OpenMP threads (docs/PERFORMANCE.md).
     */
    @Override
    public INDArray forward(INDArray x, boolean training) {
        lastInput = x;
        int n = (int) x.size(0);
        INDArray y = outputBuffer(x);
        INDArray ones = this.ones.get(n, x.dataType());
        IntraOpThreads.onThisThread().splitNative(n, multiplyAddsPerImage(), (lane, from, to) -> {
            INDArray part = Layouts.rows(y, from, to);
            Blas.gemm(Layouts.rows(ones, from, to), false, biasRow, false, part, 1, 0);
            Blas.gemm(Layouts.rows(x, from, to), false, weights, false, part, 1, 1);
        });
        return y;
    }

    @Override
    public INDArray backward(INDArray dy, boolean inputGradientNeeded) {
        int n = (int) dy.size(0);
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
