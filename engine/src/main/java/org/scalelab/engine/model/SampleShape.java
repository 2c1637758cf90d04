package org.scalelab.engine.model;

/**
 * The shape of one sample as it flows between layers, without the batch dimension:
 * an image ({@code channels × height × width}, stored NCHW) or a flat vector ({@code height = width = 1}).
 */
public record SampleShape(int channels, int height, int width, boolean image) {

    public SampleShape {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("shape dimensions must be positive, got " + channels + "×" + height + "×" + width);
        }
    }

    public static SampleShape image(int channels, int height, int width) {
        return new SampleShape(channels, height, width, true);
    }

    public static SampleShape vector(int length) {
        return new SampleShape(length, 1, 1, false);
    }

    /** Number of values in one sample. */
    public int size() {
        return channels * height * width;
    }

    /** The ND4J shape of a batch of such samples. */
    public long[] batchShape(int batchSize) {
        return image ? new long[] {batchSize, channels, height, width} : new long[] {batchSize, channels};
    }

    @Override
    public String toString() {
        return image ? channels + "×" + height + "×" + width : String.valueOf(channels);
    }
}
