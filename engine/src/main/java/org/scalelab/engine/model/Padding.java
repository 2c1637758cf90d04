package org.scalelab.engine.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a convolution treats the image border. */
public enum Padding {
    /** Zero-pad so that the output is {@code ceil(input / stride)} wide (TensorFlow's "same"). */
    @JsonProperty("same") SAME,
    /** No padding: the kernel only visits positions where it fits entirely. */
    @JsonProperty("valid") VALID;

    /** Output length along one axis, or 0 when the kernel does not fit even once. */
    public int outputLength(int input, int kernel, int stride) {
        if (this == SAME) {
            return (input + stride - 1) / stride;
        }
        return input < kernel ? 0 : (input - kernel) / stride + 1;
    }
}
