package org.scalelab.engine.model.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.scalelab.engine.model.Layer;
import org.scalelab.engine.model.SampleShape;
import org.scalelab.engine.model.layers.Dropout;

/** @param rate probability of zeroing each value during training, in [0, 1) */
public record DropoutSpec(@JsonProperty(required = true) double rate) implements LayerSpec {

    public DropoutSpec {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("rate must be in [0, 1), got " + rate);
        }
    }

    @Override
    public Layer build(SampleShape input, BuildContext context) {
        return new Dropout(input, rate, context.seed());
    }
}
