package org.scalelab.engine.training;

/** How far apart two runs' weights are: the largest difference relative to the largest magnitude. */
public final class CompressionDistance {
    /** How far fp16's weights may be from exact sums' after twenty steps; see {@code CompressedTrainingTest}. */
    public static final double HALF_PRECISION_TOLERANCE = 1e-4;

    private CompressionDistance() {
    }

    public static double relative(float[] expected, float[] actual) {
        double largest = 0;
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            largest = Math.max(largest, Math.abs(expected[i]));
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        return worst / largest;
    }
}
