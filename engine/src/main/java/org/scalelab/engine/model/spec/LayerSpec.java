package org.scalelab.engine.model.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.scalelab.engine.model.Layer;
import org.scalelab.engine.model.SampleShape;

/**
 * The description of one layer, as written in an architecture file ({@code {"type": "dense", "units": 128}}).
 * Specs are plain data; {@link #build} turns one into a working layer for a given input shape and throws
 * {@link IllegalArgumentException} with a readable reason when the shape does not fit.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = DenseSpec.class, name = "dense"),
    @JsonSubTypes.Type(value = ReluSpec.class, name = "relu"),
    @JsonSubTypes.Type(value = FlattenSpec.class, name = "flatten"),
    @JsonSubTypes.Type(value = Conv2DSpec.class, name = "conv2d"),
    @JsonSubTypes.Type(value = MaxPoolSpec.class, name = "maxpool2d"),
    @JsonSubTypes.Type(value = BatchNormSpec.class, name = "batchnorm"),
    @JsonSubTypes.Type(value = DropoutSpec.class, name = "dropout"),
})
public sealed interface LayerSpec
        permits DenseSpec, ReluSpec, FlattenSpec, Conv2DSpec, MaxPoolSpec, BatchNormSpec, DropoutSpec {

    Layer build(SampleShape input, BuildContext context);

    /** Whether the layer has trainable weights (decides which layer is the output layer). */
    default boolean hasWeights() {
        return false;
    }
}
