package org.scalelab.engine.model;

import java.util.Arrays;
import java.util.List;

/**
 * A network's layers cut into consecutive groups, one per pipeline stage, each of one layer at least. The cut
 * balances an estimate of each layer's work, its multiply-adds per image ({@link #cost}), so that the slowest
 * stage, which sets the pace of the whole pipeline, is as fast as a cut can make it.
 *
 * @param starts where each stage's layers begin, the first at 0, followed by the layer count
 */
public record StagePartition(int[] starts) {

    public StagePartition {
        starts = starts.clone();
    }

    /**
     * The cut of {@code layers} into {@code stages} groups whose largest {@link #cost} is the least; among equal cuts,
     * the one whose last stage is smallest.
     *
     * @throws IllegalArgumentException when there are more stages than layers
     */
    public static StagePartition balanced(List<Layer> layers, int stages) {
        int n = layers.size();
        if (stages < 1 || stages > n) {
            throw new IllegalArgumentException("cannot cut " + n + " layers into " + stages + " stages of one layer at least");
        }
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + cost(layers.get(i));
        }
        // best[k][i]: the least largest stage cost cutting the first i layers into k stages; cut[k][i] where the last begins
        double[][] best = new double[stages + 1][n + 1];
        int[][] cut = new int[stages + 1][n + 1];
        for (double[] row : best) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        best[0][0] = 0;
        for (int k = 1; k <= stages; k++) {
            for (int i = k; i <= n; i++) {
                for (int start = i - 1; start >= k - 1; start--) {
                    double largest = Math.max(best[k - 1][start], prefix[i] - prefix[start]);
                    if (largest < best[k][i]) {
                        best[k][i] = largest;
                        cut[k][i] = start;
                    }
                }
            }
        }
        int[] starts = new int[stages + 1];
        starts[stages] = n;
        for (int k = stages; k > 0; k--) {
            starts[k - 1] = cut[k][starts[k]];
        }
        return new StagePartition(starts);
    }

    /**
     * A layer's multiply-adds per image: each weight once per output position (a dense layer's one, a convolution's
     * every pixel); a layer without weights one operation per output value.
     */
    public static double cost(Layer layer) {
        SampleShape out = layer.outputShape();
        return layer.parameterCount() > 0 ? (double) layer.parameterCount() * out.height() * out.width() : out.size();
    }

    public int stages() {
        return starts.length - 1;
    }

    /** The first layer of {@code stage}. */
    public int from(int stage) {
        return starts[stage];
    }

    /** One past the last layer of {@code stage}. */
    public int to(int stage) {
        return starts[stage + 1];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StagePartition partition && Arrays.equals(starts, partition.starts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(starts);
    }

    /** "[0, 3) [3, 6)": each stage's layers. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < stages(); k++) {
            text.append(k == 0 ? "" : " ").append('[').append(from(k)).append(", ").append(to(k)).append(')');
        }
        return text.toString();
    }
}
