package org.scalelab.engine.data;

import java.util.Arrays;

/**
 * Per-channel standardisation of pixels scaled to [0, 1]: {@code (pixel / 255 - mean[c]) / std[c]}.
 * Fit it on the training set only and apply the same values to the test set.
 */
public record Normalization(float[] mean, float[] std) {

    public Normalization {
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("need one mean and one std per channel, got " + mean.length + " and "
                    + std.length);
        }
        for (float s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("std must be positive, got " + Arrays.toString(std));
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    /**
     * Mean and population standard deviation of each channel over every pixel of every image. A channel with
     * no spread at all gets std 1, so it is only centred instead of divided by zero.
     */
    public static Normalization fit(ImageSet images) {
        ImageShape shape = images.shape();
        int channels = shape.channels();
        int plane = shape.planeSize();
        long[] sum = new long[channels];
        long[] sumOfSquares = new long[channels];
        byte[] pixels = images.pixelArray();
        for (int image = 0; image < images.size(); image++) {
            int offset = image * shape.size();
            for (int c = 0; c < channels; c++) {
                long s = 0;
                long ss = 0;
                for (int p = offset + c * plane, end = p + plane; p < end; p++) {
                    int v = pixels[p] & 0xff;
                    s += v;
                    ss += v * v;
                }
                sum[c] += s;
                sumOfSquares[c] += ss;
            }
        }
        double count = (double) images.size() * plane;
        float[] mean = new float[channels];
        float[] std = new float[channels];
        for (int c = 0; c < channels; c++) {
            double m = sum[c] / count;
            double variance = Math.max(0, sumOfSquares[c] / count - m * m);
            mean[c] = (float) (m / 255);
            std[c] = variance > 1e-12 ? (float) (Math.sqrt(variance) / 255) : 1f;
        }
        return new Normalization(mean, std);
    }

    public int channels() {
        return mean.length;
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    /** The normalised value of each possible byte, per channel: the batch loop looks values up instead of dividing. */
    float[][] lookupTable() {
        float[][] table = new float[mean.length][256];
        for (int c = 0; c < mean.length; c++) {
            for (int v = 0; v < 256; v++) {
                table[c][v] = (v / 255f - mean[c]) / std[c];
            }
        }
        return table;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Normalization n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Normalization[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
