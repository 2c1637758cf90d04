package org.scalelab.engine.model.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.scalelab.engine.model.Initialisation;
import org.scalelab.engine.model.Layer;
import org.scalelab.engine.model.SampleShape;
import org.scalelab.engine.model.layers.Dense;

/**
 * @param units output width
 * @param init  weight initialisation; {@code null} means He, or Xavier for the output layer
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DenseSpec(@JsonProperty(required = true) int units, Initialisation init) implements LayerSpec {

    public DenseSpec {
        Specs.requirePositive("units", units);
    }

    public DenseSpec(int units) {
        this(units, null);
    }

    @Override
    public Layer build(SampleShape input, BuildContext context) {
        return new Dense(input, units, Initialisations.resolve(init, context));
    }

    @Override
    public boolean hasWeights() {
        return true;
    }
}
