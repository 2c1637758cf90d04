package org.scalelab.engine.data;

/** Shape of one image in CHW order: channel planes, each {@code height} rows of {@code width} pixels. */
public record ImageShape(int channels, int height, int width) {

    public ImageShape {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image shape must be positive, got " + channels + "x" + height + "x" + width);
        }
    }

    /** Values per image: channels × height × width. */
    public int size() {
        return channels * height * width;
    }

    /** Values per channel plane: height × width. */
    public int planeSize() {
        return height * width;
    }

    /** For people: {@code 28x28 grey}, {@code 32x32x3}. */
    @Override
    public String toString() {
        return height + "x" + width + (channels == 1 ? " grey" : "x" + channels);
    }
}
