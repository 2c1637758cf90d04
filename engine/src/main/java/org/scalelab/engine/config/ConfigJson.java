package org.scalelab.engine.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * A {@link TrainingConfig} in JSON: one flat object keyed by option name ({@code "batch": 64}), as plan files
 * write it. Options left out take their defaults. Records written before the options were declared once used
 * the old field names ({@code batchSize}); {@link #FORMER_KEYS} reads them still.
 */
public final class ConfigJson {
    /** The names schema-1 run records gave the options that have since been renamed. */
    static final Map<String, String> FORMER_KEYS = Map.of(
            "batchSize", "batch",
            "learningRate", "lr",
            "adamBeta1", "beta1",
            "adamBeta2", "beta2",
            "adamEpsilon", "epsilon",
            "processes", "procs",
            "averagingPeriod", "averageEvery",
            "stepLimit", "stepsPerEpoch");

    private ConfigJson() {
    }

    /**
     * Sets the options an object names; a name that is no option, or a value not of its option's type, is an error.
     *
     * @param where how a message names the object, e.g. {@code "base"} in a plan file
     * @throws ConfigException naming {@code where}, the key and what was expected
     */
    public static OptionValues read(JsonNode object, OptionValues into, String where) {
        return read(object, into, where, true);
    }

    /** @param strict whether a name that is no option is an error (plans) or skipped (records of a later version) */
    private static OptionValues read(JsonNode object, OptionValues into, String where, boolean strict) {
        if (!object.isObject()) {
            throw new ConfigException(where, object.toString(), "expected an object of options");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = FORMER_KEYS.getOrDefault(field.getKey(), field.getKey());
            if (!strict && TrainingOptions.byKey(key).isEmpty()) {
                continue;
            }
            TrainingOption<?> option = TrainingOptions.byKey(key).orElseThrow(() -> new ConfigException(
                    prefixed(where, field.getKey()), "", "is not an option; expected one of "
                    + TrainingOptions.ALL.stream().map(TrainingOption::key).toList()));
            JsonNode value = field.getValue();
            if (value.isNull()) {
                into.reset(option);
            } else if (value.isContainerNode()) {
                throw new ConfigException(prefixed(where, key), value.toString(), "expected " + option.type().expected());
            } else {
                try {
                    into.setText(option, value.asText());
                } catch (ConfigException e) {
                    throw e.withField(prefixed(where, key));
                }
            }
        }
        return into;
    }

    private static String prefixed(String where, String key) {
        return where.isEmpty() ? key : where + "." + key;
    }

    static final class Writer extends StdSerializer<TrainingConfig> {
        Writer() {
            super(TrainingConfig.class);
        }

        @Override
        public void serialize(TrainingConfig config, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject();
            for (TrainingOption<?> option : TrainingOptions.ALL) {
                Object value = option.valueIn(config);
                if (value == null) {
                    json.writeNullField(option.key());
                } else if (value instanceof Number || value instanceof Boolean) {
                    json.writeObjectField(option.key(), value);
                } else {
                    json.writeStringField(option.key(), option.textIn(config));
                }
            }
            json.writeEndObject();
        }
    }

    static final class Reader extends StdDeserializer<TrainingConfig> {
        Reader() {
            super(TrainingConfig.class);
        }

        @Override
        public TrainingConfig deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode object = parser.readValueAsTree();
            return read(object, OptionValues.defaults(), "", false).build();
        }
    }
}
