package org.scalelab.engine.model.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.scalelab.engine.model.Layer;
import org.scalelab.engine.model.SampleShape;
import org.scalelab.engine.model.layers.MaxPool2D;

/**
 * @param size   side of the square pooling window
 * @param stride step between windows; the window size (non-overlapping windows) when absent
 */
public record MaxPoolSpec(@JsonProperty(required = true) int size, Integer stride) implements LayerSpec {

    public MaxPoolSpec {
        Specs.requirePositive("size", size);
        stride = stride == null ? size : stride;
        Specs.requirePositive("stride", stride);
    }

    public MaxPoolSpec(int size) {
        this(size, null);
    }

    @Override
    public Layer build(SampleShape input, BuildContext context) {
        return new MaxPool2D(input, size, stride, context.fusedFromPrevious());
    }
}
