package org.scalelab.engine.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.scalelab.engine.model.spec.DenseSpec;
import org.scalelab.engine.model.spec.FlattenSpec;
import org.scalelab.engine.model.spec.ReluSpec;

/** The reference architectures of the five studies users reproduce first, by their preset names. */
public final class Presets {
    private static final Map<String, Architecture> PRESETS = new LinkedHashMap<>();

    static {
        // Study B: 784 → 256 ReLU → 128 ReLU → 10, He init for ReLU layers, Xavier for the output. 235,146 parameters.
        add(new Architecture("mlp-235k", SampleShape.image(1, 28, 28), List.of(
                new FlattenSpec(),
                new DenseSpec(256), new ReluSpec(),
                new DenseSpec(128), new ReluSpec(),
                new DenseSpec(10))));
    }

    private Presets() {
    }

    private static void add(Architecture architecture) {
        PRESETS.put(architecture.name(), architecture);
    }

    public static List<Architecture> all() {
        return List.copyOf(PRESETS.values());
    }

    public static Optional<Architecture> find(String name) {
        return Optional.ofNullable(PRESETS.get(name));
    }
}
