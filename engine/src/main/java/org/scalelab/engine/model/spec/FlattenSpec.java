package org.scalelab.engine.model.spec;

import org.scalelab.engine.model.Layer;
import org.scalelab.engine.model.SampleShape;
import org.scalelab.engine.model.layers.Flatten;

public record FlattenSpec() implements LayerSpec {
    @Override
    public Layer build(SampleShape input, BuildContext context) {
        return new Flatten(input);
    }
}
