package org.scalelab.engine.model.spec;

import org.scalelab.engine.model.Layer;
import org.scalelab.engine.model.SampleShape;
import org.scalelab.engine.model.layers.BatchNorm;

/**
 * @param momentum weight of the old running statistics per update, in [0, 1); 0.9 when absent
 * @param epsilon  added to the variance for stability, positive; 1e-5 when absent
 */
public record BatchNormSpec(Double momentum, Double epsilon) implements LayerSpec {

    public BatchNormSpec {
        momentum = momentum == null ? 0.9 : momentum;
        epsilon = epsilon == null ? 1e-5 : epsilon;
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be positive, got " + epsilon);
        }
    }

    public BatchNormSpec() {
        this(null, null);
    }

    @Override
    public Layer build(SampleShape input, BuildContext context) {
        return new BatchNorm(input, momentum, epsilon);
    }
}
