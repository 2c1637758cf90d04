package org.scalelab.engine.model.layers;

import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.scalelab.engine.model.Layer;
import org.scalelab.engine.model.SampleShape;
import org.scalelab.engine.model.kernels.Blas;

/**
 * Batch normalisation, per channel for images ({@code [n, c, h, w]}, statistics over n, h and w) and per
 * feature for flat inputs ({@code [n, f]}, statistics over n): {@code y = γ·(x − μ)/√(σ² + ε) + β}.
 *
 * <p>Training normalises with the batch's own mean and (biased) variance and folds them into running
 * averages; evaluation normalises with those running averages. γ and β live in the flat parameter buffer;
 * the running statistics are state of this layer, not parameters, so they are neither averaged nor sent by a
 * parallel strategy. ND4J's {@code moments}, {@code batchnorm} and {@code batchnorm_bp} ops do the work; the
 * last one differentiates through the batch statistics, as training-mode batch normalisation must.
 */
public final class BatchNorm implements Layer {
    private static final int[] IMAGE_AXES = {0, 2, 3};
    private static final int[] FLAT_AXES = {0};
    /** The channel axis for batchnorm/batchnorm_bp: apply γ, apply β, normalise along axis 1. */
    private static final int[] OP_ARGUMENTS = {1, 1, 1};

    private final SampleShape shape;
    private final double momentum;
    private final double epsilon;
    private final int[] reductionAxes;
    private final BatchBuffers out;
    private final BatchBuffers gradIn;

    private INDArray gamma;
    private INDArray beta;
    private INDArray gammaGrad;
    private INDArray betaGrad;
    private INDArray batchMean;
    private INDArray batchVariance;
    private INDArray meanGrad;
    private INDArray varianceGrad;
    private INDArray runningMean;
    private INDArray runningVariance;
    private INDArray lastInput;

    /**
     * @param momentum weight of the old running statistics in each update (0.9 keeps PyTorch's 0.1 for the new batch)
     * @param epsilon  added to the variance before the square root
     */
    public BatchNorm(SampleShape shape, double momentum, double epsilon) {
        this.shape = shape;
        this.momentum = momentum;
        this.epsilon = epsilon;
        this.reductionAxes = shape.image() ? IMAGE_AXES : FLAT_AXES;
        this.out = new BatchBuffers(shape);
        this.gradIn = new BatchBuffers(shape);
    }

    @Override
    public String kind() {
        return "batchnorm";
    }

    @Override
    public SampleShape inputShape() {
        return shape;
    }

    @Override
    public SampleShape outputShape() {
        return shape;
    }

    @Override
    public int parameterCount() {
        return 2 * shape.channels();
    }

    @Override
    public void bind(INDArray parameters, INDArray gradients) {
        int channels = shape.channels();
        gamma = parameters.get(NDArrayIndex.interval(0, channels));
        beta = parameters.get(NDArrayIndex.interval(channels, 2 * channels));
        gammaGrad = gradients.get(NDArrayIndex.interval(0, channels));
        betaGrad = gradients.get(NDArrayIndex.interval(channels, 2 * channels));
        batchMean = Nd4j.create(parameters.dataType(), channels);
        batchVariance = Nd4j.create(parameters.dataType(), channels);
        meanGrad = Nd4j.create(parameters.dataType(), channels);
        varianceGrad = Nd4j.create(parameters.dataType(), channels);
        runningMean = Nd4j.zeros(parameters.dataType(), channels);
        runningVariance = Nd4j.ones(parameters.dataType(), channels);
    }

    @Override
    public void initialise(Random random) {
        gamma.assign(1);
        beta.assign(0);
    }

    /** Running mean per channel, as evaluation uses it (a live view: copy it to keep it). */
    public INDArray runningMean() {
        return runningMean;
    }

    /** Running (unbiased) variance per channel, as evaluation uses it (a live view). */
    public INDArray runningVariance() {
        return runningVariance;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        lastInput = x;
        INDArray mean = runningMean;
        INDArray variance = runningVariance;
        if (training) {
            Nd4j.exec(DynamicCustomOp.builder("moments").addInputs(x).addOutputs(batchMean, batchVariance)
                    .addIntegerArguments(reductionAxes).build());
            updateRunningStatistics(x.length() / shape.channels());
            mean = batchMean;
            variance = batchVariance;
        }
        INDArray y = out.get(x.size(0), x.dataType());
        Nd4j.exec(DynamicCustomOp.builder("batchnorm").addInputs(x, mean, variance, gamma, beta).addOutputs(y)
                .addIntegerArguments(OP_ARGUMENTS).addFloatingPointArguments(epsilon).build());
        return y;
    }

    /** {@code running = momentum·running + (1 − momentum)·batch}, with the variance made unbiased first. */
    private void updateRunningStatistics(long valuesPerChannel) {
        runningMean.muli(momentum);
        Blas.axpy(1 - momentum, batchMean, runningMean);
        double unbiased = valuesPerChannel > 1 ? (double) valuesPerChannel / (valuesPerChannel - 1) : 1;
        runningVariance.muli(momentum);
        Blas.axpy((1 - momentum) * unbiased, batchVariance, runningVariance);
    }

    /** Differentiates the training-mode forward pass, which must have been the last forward pass. */
    @Override
    public INDArray backward(INDArray dy, boolean inputGradientNeeded) {
        INDArray dx = gradIn.get(dy.size(0), dy.dataType());
        Nd4j.exec(DynamicCustomOp.builder("batchnorm_bp")
                .addInputs(lastInput, batchMean, batchVariance, gamma, beta, dy)
                .addOutputs(dx, meanGrad, varianceGrad, gammaGrad, betaGrad)
                .addIntegerArguments(OP_ARGUMENTS).addFloatingPointArguments(epsilon).build());
        return dx;
    }
}
