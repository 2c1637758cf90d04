package org.scalelab.engine.model.layers;

import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.scalelab.engine.model.Layer;
import org.scalelab.engine.model.SampleShape;
import org.scalelab.engine.model.kernels.Blas;
import org.scalelab.engine.model.kernels.ChannelKernels;
import org.scalelab.engine.model.kernels.HostCopy;

/**
 * Batch normalisation, per channel for images ({@code [n, h, w, c]}, statistics over n, h and w) and per
 * feature for flat inputs ({@code [n, f]}, statistics over n): {@code y = γ·(x − μ)/√(σ² + ε) + β}.
 *
 * <p>Training normalises with the batch's own mean and (biased) variance and folds them into running
 * averages; evaluation normalises with those running averages. γ and β live in the flat parameter buffer;
 * the running statistics are state of this layer, not parameters, so they are neither averaged nor sent by a
 * parallel strategy.
 *
 * <p>Everything is a per-channel sum ({@link Blas#gemv} against ones), centred product sum or affine map
 * ({@link ChannelKernels}) over the activations as a {@code [positions, channels]} matrix. With
 * {@code s = 1/√(σ² + ε)}, the training-mode gradient, which also flows through μ and σ², is
 * {@code dβ = Σ dy}, {@code dγ = s·Σ dy·(x − μ)} and
 * {@code dx = γs·dy − (γs²·dγ/P)·x + (γs²·dγ·μ − γs·dβ)/P} over the P values per channel.
 */
public final class BatchNorm extends AbstractLayer {
    private final int channels;
    private final double momentum;
    private final double epsilon;
    private final ChannelKernels kernels = new ChannelKernels();
    private final HostCopy copy = new HostCopy();
    private final BatchBuffers ones = BatchBuffers.ones();
    private final ReshapedView inputMatrix = new ReshapedView();
    private final ReshapedView gradMatrix = new ReshapedView();
    private INDArray channelSums;

    private INDArray parameters;
    private INDArray gradients;
    private INDArray lastInput;
    private long lastPositions;

    /** γ then β, read from the parameter buffer at each pass. */
    private final double[] gammaBeta;
    private final double[] batchMean;
    private final double[] batchInverseDeviation;
    /** Running statistics: this layer's own, or those of the instance it shares them with. */
    private double[] runningMean;
    private double[] runningVariance;
    /** Scratch, forward: {@code y = scale·x + shift}. */
    private final double[] scale;
    private final double[] shift;
    private final double[] squaredDeviations;
    /** Scratch, backward: {@code dx = gradScale·dy + inputScale·x + gradOffset}. */
    private final double[] gradScale;
    private final double[] inputScale;
    private final double[] gradOffset;
    private final double[] gradDeviationProducts;
    private final double[] zeros;
    /** dγ then dβ, written to the gradient buffer in one copy. */
    private final double[] gammaBetaGrad;

    /**
     * @param momentum weight of the old running statistics in each update (0.9 keeps PyTorch's 0.1 for the new batch)
     * @param epsilon  added to the variance before the square root
     */
    public BatchNorm(SampleShape shape, double momentum, double epsilon) {
        super("batchnorm", shape, shape);
        this.channels = shape.channels();
        this.momentum = momentum;
        this.epsilon = epsilon;
        this.gammaBeta = new double[2 * channels];
        this.gammaBetaGrad = new double[2 * channels];
        this.batchMean = new double[channels];
        this.batchInverseDeviation = new double[channels];
        this.runningMean = new double[channels];
        this.runningVariance = new double[channels];
        java.util.Arrays.fill(runningVariance, 1);
        this.scale = new double[channels];
        this.shift = new double[channels];
        this.squaredDeviations = new double[channels];
        this.gradScale = new double[channels];
        this.inputScale = new double[channels];
        this.gradOffset = new double[channels];
        this.gradDeviationProducts = new double[channels];
        this.zeros = new double[channels];
    }

    @Override
    public int parameterCount() {
        return 2 * channels;
    }

    /** γ is the first half of the slice, β the second. */
    @Override
    public void bind(INDArray parameters, INDArray gradients) {
        this.parameters = parameters;
        this.gradients = gradients;
    }

    @Override
    public void initialise(Random random) {
        parameters.get(NDArrayIndex.interval(0, channels)).assign(1);
        parameters.get(NDArrayIndex.interval(channels, 2 * channels)).assign(0);
    }

    @Override
    public void shareRunningStatistics(Layer original) {
        BatchNorm other = (BatchNorm) original;
        this.runningMean = other.runningMean;
        this.runningVariance = other.runningVariance;
    }

    @Override
    public void saveState(java.io.DataOutput out) throws java.io.IOException {
        for (int c = 0; c < channels; c++) {
            out.writeDouble(runningMean[c]);
            out.writeDouble(runningVariance[c]);
        }
    }

    @Override
    public void restoreState(java.io.DataInput in) throws java.io.IOException {
        for (int c = 0; c < channels; c++) {
            runningMean[c] = in.readDouble();
            runningVariance[c] = in.readDouble();
        }
    }

    /** Running mean per channel, as evaluation uses it (a copy). */
    public double[] runningMean() {
        return runningMean.clone();
    }

    /** Running (unbiased) variance per channel, as evaluation uses it (a copy). */
    public double[] runningVariance() {
        return runningVariance.clone();
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        copy.read(parameters, 0, gammaBeta, 2 * channels);
        long positions = x.length() / channels;
        if (training) {
            lastInput = x;
            lastPositions = positions;
            channelSums(inputMatrix, x, batchMean);
            for (int c = 0; c < channels; c++) {
                batchMean[c] /= positions;
            }
            kernels.centredProductSums(x, batchMean, x, batchMean, squaredDeviations);
            for (int c = 0; c < channels; c++) {
                double variance = squaredDeviations[c] / positions;
                batchInverseDeviation[c] = 1 / Math.sqrt(variance + epsilon);
                double unbiased = positions > 1 ? variance * positions / (positions - 1) : variance;
                runningMean[c] = momentum * runningMean[c] + (1 - momentum) * batchMean[c];
                runningVariance[c] = momentum * runningVariance[c] + (1 - momentum) * unbiased;
                scale[c] = gammaBeta[c] * batchInverseDeviation[c];
                shift[c] = gammaBeta[channels + c] - batchMean[c] * scale[c];
            }
        } else {
            for (int c = 0; c < channels; c++) {
                scale[c] = gammaBeta[c] / Math.sqrt(runningVariance[c] + epsilon);
                shift[c] = gammaBeta[channels + c] - runningMean[c] * scale[c];
            }
        }
        INDArray y = outputBuffer(x);
        kernels.affine(x, scale, x, zeros, shift, y);
        return y;
    }

    /** {@code out[c] = Σ_p array[p, c]}, as one matrix-vector product against a column of ones. */
    private void channelSums(ReshapedView matrix, INDArray array, double[] out) {
        long positions = array.length() / channels;
        if (channelSums == null || channelSums.dataType() != array.dataType()) {
            channelSums = Nd4j.create(array.dataType(), channels);
        }
        Blas.gemv(matrix.of(array, new long[] {positions, channels}), true, ones.get(positions, array.dataType()),
                channelSums, 1, 0);
        copy.read(channelSums, 0, out, channels);
    }

    /** Differentiates the last training-mode forward pass (γ as it was read then). */
    @Override
    public INDArray backward(INDArray dy, boolean inputGradientNeeded) {
        double[] gammaGrad = gammaBetaGrad;
        kernels.centredProductSums(dy, zeros, lastInput, batchMean, gradDeviationProducts);
        channelSums(gradMatrix, dy, gradOffset);
        for (int c = 0; c < channels; c++) {
            double s = batchInverseDeviation[c];
            double gamma = gammaBeta[c];
            double betaGrad = gradOffset[c];
            gammaGrad[c] = s * gradDeviationProducts[c];
            gammaBetaGrad[channels + c] = betaGrad;
            gradScale[c] = gamma * s;
            inputScale[c] = -gamma * s * s * gammaGrad[c] / lastPositions;
            gradOffset[c] = -gamma * s * betaGrad / lastPositions - inputScale[c] * batchMean[c];
        }
        copy.write(gammaBetaGrad, 2 * channels, gradients, 0);
        INDArray dx = inputGradientBuffer(dy);
        kernels.affine(dy, gradScale, lastInput, inputScale, gradOffset, dx);
        return dx;
    }
}
