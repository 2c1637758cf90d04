package org.scalelab.engine.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * The one JSON configuration for events, configurations and run records, so that what one part writes the
 * others read: enums by their lower-case names, and unknown fields ignored so that an older version still reads
 * a newer version's events.
 *
 * <p>A number that is not one (a run cancelled before its first epoch has no test accuracy; a CPU reading of an
 * epoch too short to measure) is written as {@code null}, which every JSON reader understands, rather than as the
 * string {@code "NaN"}, which a script would take for text; a {@code double} read from {@code null} is NaN again.
 * Records written before this still read: {@code "NaN"} and bare {@code NaN} are accepted.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
            .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .addModule(new SimpleModule("non-finite numbers as null")
                    .addSerializer(Double.class, new NonFiniteAsNull())
                    .addSerializer(double.class, new NonFiniteAsNull())
                    .addDeserializer(double.class, new NumberDeserializers.DoubleDeserializer(Double.TYPE, Double.NaN)))
            .build();

    private Json() {
    }

    /** Thread-safe and shared; do not reconfigure it. */
    /** Puts a number that may be missing: JSON has no NaN or infinity, so those are written as null. */
    public static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    /** The same for a streaming writer. */
    public static void putNumberField(JsonGenerator json, String field, double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumberField(field, value);
        } else {
            json.writeNullField(field);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static final class NonFiniteAsNull extends StdSerializer<Double> {
        NonFiniteAsNull() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator json, SerializerProvider provider) throws IOException {
            if (Double.isFinite(value)) {
                json.writeNumber(value);
            } else {
                json.writeNull();
            }
        }
    }
}
