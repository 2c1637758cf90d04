package org.scalelab.engine.model.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.scalelab.engine.model.Initialisation;
import org.scalelab.engine.model.Padding;
import org.scalelab.engine.model.SampleShape;
import org.scalelab.engine.model.kernels.Blas;
import org.scalelab.engine.model.kernels.ConvolutionGeometry;
import org.scalelab.engine.model.kernels.ConvolutionVectors;
import org.scalelab.engine.model.kernels.IntraOpThreads;
import org.scalelab.engine.model.kernels.Layouts;
import org.scalelab.engine.model.kernels.VectorApi;

/**
 * 2-D convolution over NHWC images ({@link ActivationLayout}) with a square kernel, through ND4J's native
 * {@code conv2d}/{@code conv2d_bp} ops (oneDNN for FLOAT, libnd4j's im2col path for DOUBLE). Weights are kept as
 * {@code [out, kH, kW, in]}, which matches the NHWC activations (one filter is one contiguous patch); oneDNN
 * repacks any layout into its blocked one, which for these small arrays takes microseconds. Both ops write
 * straight into the activation buffers and the flat gradient buffer, so a step allocates nothing here. With intra-op
 * threads and enough work, each thread runs the ops on its own range of the batch ({@link IntraOpThreads#splitNative}),
 * and the weight gradients of the ranges after the first are added to the first's.
 *
 * <p>Where the filters fill pairs of vectors (as in {@code cnn-1m}'s first layer), FLOAT batches run on
 * {@link ConvolutionVectors} instead: a first layer's backward pass, which needs only the weight gradients, and the
 * forward pass of a layer with few input channels. Other first layers take their weight gradients as one product of
 * im2col columns ({@link ConvolutionColumns}).
 */
public final class Conv2D extends AbstractLayer {
    private static final int NHWC = 1;
    private static final int WEIGHTS_OUT_H_W_IN = 2;

    private final int kernel;
    private final Initialisation initialisation;
    /** kH, kW, sH, sW, pH, pW, dH, dW, same mode, data format, weight format: shared by both ops. */
    private final int[] opArguments;
    /**
     * FLOAT weight gradients of a first layer whose filters fill pairs of vectors (else null, and the columns), and its
     * forward pass where the input's channels are few ({@link ConvolutionVectors#fitsForward}).
     */
    private final ConvolutionVectors vectors;
    private final boolean vectorsForward;
    private final ConvolutionColumns columns;
    private final ReshapedView gradMatrix = new ReshapedView();

    private INDArray weights;
    private INDArray bias;
    private INDArray weightGrad;
    private INDArray biasGrad;
    /** {@code [dW | db]ᵀ} as {@code [kH·kW·in + 1, out]}, and the views that copy it into the gradients. */
    private INDArray weightAndBiasGradsTransposed;
    private INDArray weightGradMatrix;
    private INDArray weightGradsTransposedBack;
    private INDArray biasGradRow;
    private INDArray lastInput;
    /** For the second intra-op thread on, the weight and bias gradients of its range of the batch. */
    private final List<INDArray> rangeWeightGrads = new ArrayList<>();
    private final List<INDArray> rangeBiasGrads = new ArrayList<>();

    public Conv2D(SampleShape input, int filters, int kernel, int stride, Padding padding, Initialisation initialisation) {
        super("conv2d", input, outputShape(input, filters, kernel, stride, padding));
        this.kernel = kernel;
        this.initialisation = initialisation;
        this.opArguments = new int[] {kernel, kernel, stride, stride, 0, 0, 1, 1, padding == Padding.SAME ? 1 : 0,
                NHWC, WEIGHTS_OUT_H_W_IN};
        ConvolutionGeometry geometry = new ConvolutionGeometry(input, output, kernel, stride);
        this.columns = new ConvolutionColumns(geometry);
        VectorApi.require("a convolution");
        this.vectors = ConvolutionVectors.fits(filters) ? new ConvolutionVectors(geometry) : null;
        this.vectorsForward = ConvolutionVectors.fitsForward(input.channels(), filters);
    }

    private static SampleShape outputShape(SampleShape input, int filters, int kernel, int stride, Padding padding) {
        if (!input.image()) {
            throw new IllegalArgumentException("conv2d needs an image input but gets a flat vector of " + input);
        }
        int height = padding.outputLength(input.height(), kernel, stride);
        int width = padding.outputLength(input.width(), kernel, stride);
        if (height == 0 || width == 0) {
            throw new IllegalArgumentException("the " + kernel + "×" + kernel + " kernel is larger than the "
                    + input.height() + "×" + input.width() + " input with valid padding");
        }
        return SampleShape.image(filters, height, width);
    }

    private int fanIn() {
        return input.channels() * kernel * kernel;
    }

    @Override
    public int parameterCount() {
        return output.channels() * fanIn() + output.channels();
    }

    @Override
    public long multiplyAddsPerImage() {
        return (long) fanIn() * output.size();
    }

    @Override
    public void bind(INDArray parameters, INDArray gradients) {
        long weightCount = (long) output.channels() * fanIn();
        weights = kernelView(parameters, weightCount);
        bias = parameters.get(NDArrayIndex.interval(weightCount, parameters.length()));
        weightGrad = kernelView(gradients, weightCount);
        biasGrad = gradients.get(NDArrayIndex.interval(weightCount, gradients.length()));
        weightAndBiasGradsTransposed = Nd4j.create(gradients.dataType(), fanIn() + 1, output.channels());
        weightGradMatrix = weightGrad.reshape('c', output.channels(), fanIn());
        weightGradsTransposedBack = weightAndBiasGradsTransposed.get(NDArrayIndex.interval(0, fanIn()), NDArrayIndex.all())
                .transpose();
        biasGradRow = weightAndBiasGradsTransposed.getRow(fanIn());
    }

    private INDArray kernelView(INDArray flat, long count) {
        return flat.get(NDArrayIndex.interval(0, count)).reshape('c', output.channels(), kernel, kernel, input.channels());
    }

    @Override
    public void initialise(Random random) {
        initialisation.fill(weights, fanIn(), output.channels() * kernel * kernel, random);
        bias.assign(0);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        lastInput = x;
        INDArray y = outputBuffer(x);
        if (vectorsForward && x.dataType() == DataType.FLOAT) {
            vectors.forward(x, weights, bias, y);
            return y;
        }
        IntraOpThreads.onThisThread().splitNative((int) x.size(0), multiplyAddsPerImage(), (lane, from, to) ->
                Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(Layouts.rows(x, from, to), weights, bias)
                        .addOutputs(Layouts.rows(y, from, to)).addIntegerArguments(opArguments).build()));
        return y;
    }

    @Override
    public INDArray backward(INDArray dy, boolean inputGradientNeeded) {
        if (!inputGradientNeeded) {
            return backwardWeightsOnly(dy);
        }
        INDArray dx = inputGradientBuffer(dy);
        IntraOpThreads threads = IntraOpThreads.onThisThread();
        while (rangeWeightGrads.size() < threads.count() - 1) {
            rangeWeightGrads.add(weightGrad.ulike());
            rangeBiasGrads.add(biasGrad.ulike());
        }
        int ranges = threads.splitNative((int) dy.size(0), 2 * multiplyAddsPerImage(), (lane, from, to) -> Nd4j.exec(
                DynamicCustomOp.builder("conv2d_bp")
                        .addInputs(Layouts.rows(lastInput, from, to), weights, bias, Layouts.rows(dy, from, to))
                        .addOutputs(Layouts.rows(dx, from, to), lane == 0 ? weightGrad : rangeWeightGrads.get(lane - 1),
                                lane == 0 ? biasGrad : rangeBiasGrads.get(lane - 1))
                        .addIntegerArguments(opArguments).build()));
        for (int lane = 1; lane < ranges; lane++) {
            weightGrad.addi(rangeWeightGrads.get(lane - 1));
            biasGrad.addi(rangeBiasGrads.get(lane - 1));
        }
        return dx;
    }

    /**
     * The first layer's backward pass: {@code [dW | db]ᵀ} as a {@code [kH·kW·in + 1, out]} matrix, skipping the input
     * gradient that {@code conv2d_bp} would also compute; from x and dy directly ({@link ConvolutionVectors}), or as
     * the product {@code columns·dy} of the transposed im2col columns of x (their last row 1s, for the bias) and dy as
     * a {@code [positions, out]} matrix.
     */
    private INDArray backwardWeightsOnly(INDArray dy) {
        if (vectors != null && dy.dataType() == DataType.FLOAT) {
            vectors.weightGradients(lastInput, dy, weightAndBiasGradsTransposed);
        } else {
            long positions = dy.length() / output.channels();
            INDArray gradients = gradMatrix.of(dy, new long[] {positions, output.channels()});
            Blas.gemm(columns.of(lastInput), false, gradients, false, weightAndBiasGradsTransposed, 1, 0);
        }
        weightGradMatrix.assign(weightGradsTransposedBack);
        biasGrad.assign(biasGradRow);
        return null;
    }
}
