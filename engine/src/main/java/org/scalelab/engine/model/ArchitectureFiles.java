package org.scalelab.engine.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.scalelab.engine.model.spec.LayerSpec;
import org.scalelab.engine.model.spec.LayerTypes;

/**
 * Reads and writes architecture files:
 * <pre>{"name": "my-cnn", "description": "…", "input": {"channels": 1, "height": 28, "width": 28},
 *  "layers": [{"type": "conv2d", "filters": 8, "kernel": 3, "padding": "same"}, {"type": "relu"}, …]}</pre>
 *
 * <p>A broken file is reported as an {@link ArchitectureException} whose message names the file, the layer
 * (1-based index and type) and the problem in the file's own terms, never a parser stack trace. The file is
 * read in two steps so that each layer can be named: first as a JSON tree, then field by field. Parsing is
 * strict: unknown fields, fractional or quoted numbers and nulls for numbers are errors, not guesses.
 */
public final class ArchitectureFiles {
    private static final Set<String> TOP_LEVEL_FIELDS = Set.of("name", "description", "input", "layers");
    private static final Pattern QUOTED_NAME = Pattern.compile("'([^']+)'");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ArchitectureFiles() {
    }

    /** @throws ArchitectureException naming the file and what is wrong with it */
    public static Architecture read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ArchitectureException(file + ": cannot be read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        }
        return parse(text, file.toString());
    }

    public static void write(Path file, Architecture architecture) throws IOException {
        Files.writeString(file, toJson(architecture) + System.lineSeparator());
    }

    public static String toJson(Architecture architecture) {
        try {
            return MAPPER.writeValueAsString(architecture);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an architecture always serialises", e);
        }
    }

    /**
     * Parses an architecture and checks that its layers fit together.
     *
     * @param source what to call the text in messages, usually the file name
     */
    public static Architecture parse(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw fail(source, "not valid JSON at line %d, column %d: %s", at.getLineNr(), at.getColumnNr(),
                    parserProblem(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw fail(source, "expected a JSON object with \"name\", \"input\" and \"layers\"");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!TOP_LEVEL_FIELDS.contains(field)) {
                throw fail(source, "unknown field \"%s\"; known fields: name, description, input, layers", field);
            }
        }
        Architecture architecture = new Architecture(text(root, "name", true, source), text(root, "description", false, source),
                input(root.get("input"), source), layers(root.get("layers"), source));
        try {
            architecture.buildLayers(0);
        } catch (ArchitectureException e) {
            throw new ArchitectureException(source + ": " + e.getMessage(), e);
        }
        return architecture;
    }

    private static String text(JsonNode root, String field, boolean required, String source) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw fail(source, "missing \"%s\"", field);
            }
            return null;
        }
        if (!node.isTextual() || required && node.asText().isBlank()) {
            throw fail(source, "\"%s\" must be a non-empty string", field);
        }
        return node.asText();
    }

    private static SampleShape input(JsonNode node, String source) {
        if (node == null) {
            throw fail(source, "missing \"input\", e.g. {\"channels\": 1, \"height\": 28, \"width\": 28}");
        }
        SampleShape shape;
        try {
            shape = MAPPER.treeToValue(node, SampleShape.class);
        } catch (JsonProcessingException e) {
            throw fail(source, "input: %s", describe(e));
        }
        if (!shape.image()) {
            throw fail(source, "input must be an image (channels, height, width); add a flatten layer for an MLP");
        }
        return shape;
    }

    private static List<LayerSpec> layers(JsonNode node, String source) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw fail(source, "\"layers\" must be a non-empty list of layers");
        }
        List<LayerSpec> layers = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            layers.add(layer(node.get(i), i + 1, source));
        }
        return layers;
    }

    private static LayerSpec layer(JsonNode node, int index, String source) {
        String knownTypes = String.join(", ", LayerTypes.names());
        JsonNode type = node.isObject() ? node.get("type") : null;
        if (type == null || !type.isTextual()) {
            throw fail(source, "layer %d: needs a \"type\", one of %s", index, knownTypes);
        }
        if (!LayerTypes.names().contains(type.asText())) {
            throw fail(source, "layer %d: unknown type \"%s\"; known types: %s", index, type.asText(), knownTypes);
        }
        // checked here rather than left to Jackson, which would first complain about a missing field
        // when the real mistake is a misspelled one
        List<String> fields = LayerTypes.fieldsOf(type.asText());
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!field.equals("type") && !fields.contains(field)) {
                throw fail(source, "layer %d (%s): unknown field \"%s\"; %s", index, type.asText(), field,
                        fields.isEmpty() ? "this layer takes no fields" : "known fields: " + String.join(", ", fields));
            }
        }
        try {
            return MAPPER.treeToValue(node, LayerSpec.class);
        } catch (JsonProcessingException e) {
            throw fail(source, "layer %d (%s): %s", index, type.asText(), describe(e));
        }
    }

    /** The problem a Jackson exception reports, in the file's terms (field names, not Java types). */
    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            List<String> known = unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            return "unknown field \"" + unknown.getPropertyName() + "\"; known fields: " + String.join(", ", known);
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return e.getCause().getMessage();
        }
        String field = fieldName(e);
        if (e instanceof InvalidFormatException invalid) {
            return "\"" + field + "\" is " + invalid.getValue() + " but must be " + expected(invalid.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch) {
            String message = e.getOriginalMessage();
            Matcher missing = QUOTED_NAME.matcher(message);
            if (message.startsWith("Missing required creator property") && missing.find()) {
                return "missing field \"" + missing.group(1) + "\"";
            }
            return "\"" + field + "\" must be " + expected(mismatch.getTargetType());
        }
        return firstLine(e.getOriginalMessage());
    }

    private static String fieldName(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mapping) {
            for (int i = mapping.getPath().size() - 1; i >= 0; i--) {
                String name = mapping.getPath().get(i).getFieldName();
                if (name != null) {
                    return name;
                }
            }
        }
        return "value";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another kind";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> MAPPER.convertValue(constant, String.class)).collect(Collectors.joining(", "));
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        return "a JSON object";
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** The parser's complaint without the position it appends, which the message already gives as line and column. */
    private static String parserProblem(String message) {
        String line = firstLine(message);
        int position = line.indexOf(" (for ");
        position = position < 0 ? line.indexOf(" at [Source") : position;
        return position < 0 ? line : line.substring(0, position);
    }

    private static ArchitectureException fail(String source, String format, Object... arguments) {
        return new ArchitectureException(source + ": " + String.format(format, arguments));
    }
}
