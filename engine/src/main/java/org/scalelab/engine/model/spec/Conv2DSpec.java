package org.scalelab.engine.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.scalelab.engine.model.Initialisation;
import org.scalelab.engine.model.Layer;
import org.scalelab.engine.model.Padding;
import org.scalelab.engine.model.SampleShape;
import org.scalelab.engine.model.layers.Conv2D;

/**
 * @param filters output channels
 * @param kernel  side of the square kernel
 * @param stride  step between kernel positions; 1 when absent
 * @param padding {@code same} or {@code valid}; valid (no padding) when absent, as in PyTorch and Keras
 * @param init    weight initialisation; {@code null} means He, or Xavier for the output layer
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Conv2DSpec(@JsonProperty(required = true) int filters, @JsonProperty(required = true) int kernel,
                         Integer stride, Padding padding, Initialisation init) implements LayerSpec {

    public Conv2DSpec {
        stride = stride == null ? 1 : stride;
        padding = padding == null ? Padding.VALID : padding;
        Specs.requirePositive("filters", filters);
        Specs.requirePositive("kernel", kernel);
        Specs.requirePositive("stride", stride);
    }

    public Conv2DSpec(int filters, int kernel, Padding padding) {
        this(filters, kernel, 1, padding, null);
    }

    @Override
    public Layer build(SampleShape input, BuildContext context) {
        return new Conv2D(input, filters, kernel, stride, padding, Initialisations.resolve(init, context));
    }

    @Override
    public boolean hasWeights() {
        return true;
    }
}
