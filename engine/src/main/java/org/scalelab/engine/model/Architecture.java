package org.scalelab.engine.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.scalelab.engine.model.spec.BuildContext;
import org.scalelab.engine.model.spec.LayerSpec;
import org.scalelab.engine.model.spec.LayerTypes;

/**
 * A network architecture as data: a name, the image shape it expects and its layers in order.
 * Presets and user files are both architectures; a run record stores the one it trained.
 *
 * @param description one line saying what the architecture is and where it comes from; may be null
 * @param input       channels × height × width of the input images
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "description", "input", "layers"})
public record Architecture(String name, String description, SampleShape input, List<LayerSpec> layers) {

    public Architecture {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(layers, "layers");
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new ArchitectureException(name + ": an architecture needs at least one layer");
        }
    }

    public Architecture(String name, SampleShape input, List<LayerSpec> layers) {
        this(name, null, input, layers);
    }

    /**
     * Builds working layers, checking that each fits the shape coming out of the previous one.
     *
     * @throws ArchitectureException naming the first layer that does not fit, and why
     */
    public List<Layer> buildLayers(long seed) {
        int outputLayer = -1;
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).hasWeights()) {
                outputLayer = i;
            }
        }
        List<Layer> built = new ArrayList<>(layers.size());
        SampleShape shape = input;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec spec = layers.get(i);
            try {
                Layer layer = spec.build(shape, BuildContext.at(layers, i, i == outputLayer, seed + i));
                built.add(layer);
                shape = layer.outputShape();
            } catch (IllegalArgumentException e) {
                throw new ArchitectureException(String.format("%s: layer %d (%s) with input %s: %s",
                        name, i + 1, LayerTypes.nameOf(spec), shape, e.getMessage()));
            }
        }
        return built;
    }

    /** Number of trainable values, as the flat parameter buffer of a {@link Network} will hold them. */
    public long parameterCount() {
        return buildLayers(0).stream().mapToLong(Layer::parameterCount).sum();
    }

    /** Number of outputs of the last layer (must equal the dataset's class count). */
    public int outputCount() {
        List<Layer> built = buildLayers(0);
        return built.get(built.size() - 1).outputShape().size();
    }
}
