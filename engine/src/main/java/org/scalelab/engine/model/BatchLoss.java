package org.scalelab.engine.model;

/**
 * Loss and accuracy counts of one batch. Sums rather than means, so that workers' results add up exactly.
 *
 * @param lossSum sum over the batch of the per-sample cross-entropy
 * @param correct samples whose highest logit is the true class
 * @param count   samples in the batch
 */
public record BatchLoss(double lossSum, int correct, int count) {

    public static final BatchLoss NONE = new BatchLoss(0, 0, 0);

    public BatchLoss plus(BatchLoss other) {
        return new BatchLoss(lossSum + other.lossSum, correct + other.correct, count + other.count);
    }

    public double meanLoss() {
        return count == 0 ? Double.NaN : lossSum / count;
    }

    public double accuracy() {
        return count == 0 ? Double.NaN : (double) correct / count;
    }
}
