package org.scalelab.engine.model.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/** The {@code "type"} names of layer specs, read from the one place that declares them: {@link LayerSpec}'s annotation. */
public final class LayerTypes {
    private static final JsonSubTypes.Type[] TYPES = LayerSpec.class.getAnnotation(JsonSubTypes.class).value();

    private LayerTypes() {
    }

    /** All type names in declaration order, as a file may use them. */
    public static List<String> names() {
        return Arrays.stream(TYPES).map(JsonSubTypes.Type::name).toList();
    }

    /** The fields a layer type takes in a file (its record components), in declaration order; empty if unknown. */
    public static List<String> fieldsOf(String name) {
        for (JsonSubTypes.Type type : TYPES) {
            if (type.name().equals(name)) {
                return Arrays.stream(type.value().getRecordComponents()).map(RecordComponent::getName).toList();
            }
        }
        return List.of();
    }

    /** The type name of a spec, e.g. {@code "conv2d"}. */
    public static String nameOf(LayerSpec spec) {
        for (JsonSubTypes.Type type : TYPES) {
            if (type.value() == spec.getClass()) {
                return type.name();
            }
        }
        throw new IllegalStateException(spec.getClass() + " is missing from LayerSpec's @JsonSubTypes");
    }
}
