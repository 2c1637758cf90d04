package org.scalelab.engine.model.spec;

import org.scalelab.engine.model.Layer;
import org.scalelab.engine.model.SampleShape;
import org.scalelab.engine.model.layers.PassThrough;
import org.scalelab.engine.model.layers.Relu;

public record ReluSpec() implements LayerSpec {
    @Override
    public Layer build(SampleShape input, BuildContext context) {
        return context.fusedIntoNext() ? new PassThrough("relu (fused into maxpool2d)", input) : new Relu(input);
    }
}
