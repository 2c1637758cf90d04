package org.scalelab.engine.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The shape of one sample as it flows between layers, without the batch dimension:
 * an image ({@code channels × height × width}, stored NCHW) or a flat vector ({@code height = width = 1}).
 *
 * <p>In JSON an image is {@code {"channels": 1, "height": 28, "width": 28}}; only a vector carries
 * {@code "image": false}.
 */
public record SampleShape(int channels, int height, int width,
                          @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = ImageFlagFilter.class)
                          boolean image) {

    public SampleShape {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("shape dimensions must be positive, got " + channels + "×" + height + "×" + width);
        }
        if ((long) channels * height * width > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a sample of " + channels + "×" + height + "×" + width
                    + " values is larger than a layer can hold (at most " + Integer.MAX_VALUE + ")");
        }
    }

    /** Reads a shape from JSON, where a missing {@code image} flag means an image. */
    @JsonCreator
    static SampleShape fromJson(@JsonProperty(value = "channels", required = true) int channels,
                                @JsonProperty(value = "height", required = true) int height,
                                @JsonProperty(value = "width", required = true) int width,
                                @JsonProperty("image") Boolean image) {
        return new SampleShape(channels, height, width, image == null || image);
    }

    /** Tells Jackson to leave out {@code "image": true}, the common case (Jackson excludes values "equal" to this). */
    static final class ImageFlagFilter {
        @Override
        public boolean equals(Object value) {
            return Boolean.TRUE.equals(value);
        }

        @Override
        public int hashCode() {
            return 1;
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
