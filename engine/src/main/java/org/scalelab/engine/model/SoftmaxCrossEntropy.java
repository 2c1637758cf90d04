package org.scalelab.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Softmax followed by cross-entropy against integer labels, computed together (the numerically stable
 * way: subtract the row maximum before exponentiating). The logits are tiny ({@code batch × classes}),
 * so the arithmetic runs on the Java side over one host copy.
 */
public final class SoftmaxCrossEntropy {
    private final int classes;
    private double[] host = new double[0];
    private INDArray gradient;

    public SoftmaxCrossEntropy(int classes) {
        this.classes = classes;
    }

    /** Loss and accuracy of {@code logits [n, classes]} against {@code labels[0..n)}; no gradient. */
    public BatchLoss evaluate(INDArray logits, int[] labels) {
        return compute(logits, labels, Double.NaN);
    }

    /**
     * Loss and accuracy as {@link #evaluate}, and dLoss/dLogits written to {@link #gradient()}, where the
     * loss being differentiated is {@code gradientScale × lossSum}. Serial training uses
     * {@code 1 / batchSize}; a worker holding part of a global batch uses {@code 1 / globalBatchSize}, so
     * summing workers' gradients gives exactly the global mean gradient.
     */
    public BatchLoss evaluateWithGradient(INDArray logits, int[] labels, double gradientScale) {
        return compute(logits, labels, gradientScale);
    }

    /** dLoss/dLogits of the last {@link #evaluateWithGradient} call (a reused buffer). */
    public INDArray gradient() {
        return gradient;
    }

    private BatchLoss compute(INDArray logits, int[] labels, double gradientScale) {
        int n = (int) logits.size(0);
        if (logits.size(1) != classes) {
            throw new IllegalArgumentException("expected " + classes + " logits per sample, got " + logits.size(1));
        }
        int size = n * classes;
        if (host.length < size) {
            host = new double[size];
        }
        HostMatrix.read(logits, host, size);
        double lossSum = 0;
        int correct = 0;
        for (int row = 0; row < n; row++) {
            int base = row * classes;
            int label = labels[row];
            double max = host[base];
            int argMax = 0;
            for (int c = 1; c < classes; c++) {
                if (host[base + c] > max) {
                    max = host[base + c];
                    argMax = c;
                }
            }
            lossSum += max - host[base + label];
            // exp is most of this method's time: compute each once, in place, and reuse it for the gradient
            double sumExp = 0;
            for (int c = 0; c < classes; c++) {
                host[base + c] = Math.exp(host[base + c] - max);
                sumExp += host[base + c];
            }
            lossSum += Math.log(sumExp);
            if (argMax == label) {
                correct++;
            }
            if (!Double.isNaN(gradientScale)) {
                for (int c = 0; c < classes; c++) {
                    double probability = host[base + c] / sumExp;
                    host[base + c] = gradientScale * (probability - (c == label ? 1 : 0));
                }
            }
        }
        if (!Double.isNaN(gradientScale)) {
            if (gradient == null || gradient.size(0) != n || gradient.dataType() != logits.dataType()) {
                gradient = Nd4j.createUninitialized(logits.dataType(), n, classes);
            }
            HostMatrix.write(host, gradient, size);
        }
        return new BatchLoss(lossSum, correct, n);
    }
}
