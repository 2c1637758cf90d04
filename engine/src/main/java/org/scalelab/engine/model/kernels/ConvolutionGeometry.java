package org.scalelab.engine.model.kernels;

import org.scalelab.engine.model.SampleShape;

/**
 * Where a convolution's windows lie over its NHWC input, for the kernels that first copy a sample into a zero-bordered
 * buffer so that no window needs a bounds check: the padding before the first row and column ("same" padding puts the
 * odd pixel at the bottom and right, as oneDNN and TensorFlow do; none for "valid"), and the bordered size, as far as
 * the windows reach.
 *
 * @param output the convolution's output shape, already fitted to {@code input}, kernel, stride and padding
 */
public record ConvolutionGeometry(SampleShape input, SampleShape output, int kernel, int stride) {
    public int padTop() {
        return Math.max(0, (output.height() - 1) * stride + kernel - input.height()) / 2;
    }

    public int padLeft() {
        return Math.max(0, (output.width() - 1) * stride + kernel - input.width()) / 2;
    }

    public int borderedHeight() {
        return Math.max(padTop() + input.height(), (output.height() - 1) * stride + kernel);
    }

    public int borderedWidth() {
        return Math.max(padLeft() + input.width(), (output.width() - 1) * stride + kernel);
    }

    /** Values in one window (patch): {@code kernel² × input channels}. */
    public int patchLength() {
        return kernel * kernel * input.channels();
    }
}
