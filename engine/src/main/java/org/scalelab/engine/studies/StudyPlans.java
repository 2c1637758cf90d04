package org.scalelab.engine.studies;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.config.ConfigJson;
import org.scalelab.engine.config.OptionValues;
import org.scalelab.engine.config.TrainingOption;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.events.Json;

/**
 * Reads study plans. Every field is checked here, so a plan that reads is a plan whose every cell has options of
 * the right types; a fault is one {@link StudyPlanException} naming the file, the field's path
 * ({@code configurations[3].procs}) and what was expected. Unknown fields are faults too: a misspelt option
 * would otherwise be ignored silently.
 */
public final class StudyPlans {
    /** Raise when a field changes meaning or becomes required. */
    public static final int SCHEMA_VERSION = 1;
    private static final Set<String> FIELDS = Set.of("schemaVersion", "name", "description", "expectedDuration", "base",
            "configurations", "batchSizes", "axes", "repeats", "quick", "fallback", "predict");

    private StudyPlans() {
    }

    /** @throws StudyPlanException naming the file and what is wrong with it */
    public static StudyPlan read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new StudyPlanException(file + ": no such plan file");
        } catch (IOException e) {
            throw new StudyPlanException(file + ": cannot read it (" + e.getMessage() + ")");
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new StudyPlanException(file + ": not JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage() + ")");
        }
        try {
            resolveModelFiles(root, file.toAbsolutePath().getParent());
            return parse(root);
        } catch (ConfigException e) {
            throw new StudyPlanException(file + ": " + e.getMessage());
        }
    }

    /**
     * An architecture file named by a relative path is found beside the plan, wherever the study is started from;
     * the cells' configurations then name it by its absolute path.
     */
    private static void resolveModelFiles(JsonNode root, Path planDirectory) {
        if (root == null || !root.isObject()) {
            return;
        }
        List<JsonNode> holders = new ArrayList<>(List.of(root.path("base"), root.path("quick"),
                root.path("fallback").path("options")));
        root.path("configurations").forEach(holders::add);
        for (JsonNode holder : holders) {
            JsonNode model = holder.get("model");
            if (holder instanceof ObjectNode options && model != null && model.isTextual()
                    && model.asText().endsWith(".json") && !Path.of(model.asText()).isAbsolute()) {
                options.put("model", planDirectory.resolve(model.asText()).normalize().toString());
            }
        }
    }

    /** @throws ConfigException naming the path of the faulty field */
    static StudyPlan parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new ConfigException("(plan)", root == null ? "(empty)" : root.getNodeType(), "expected a JSON object");
        }
        rejectUnknown(root, FIELDS, "");
        int schema = integer(root, "schemaVersion", 1, SCHEMA_VERSION);
        if (schema > SCHEMA_VERSION) {
            throw new ConfigException("schemaVersion", schema, "this version of ScaleLab reads plans of version "
                    + SCHEMA_VERSION + " and older");
        }
        String name = requiredText(root, "name", "");
        ObjectNode base = options(root.get("base"), "base");
        List<StudyPlan.Configuration> configurations = configurations(root.get("configurations"));
        List<Integer> batchSizes = counts(root.get("batchSizes"), "batchSizes");
        List<StudyPlan.Axis> axes = axes(root.get("axes"));
        int repeats = integer(root, "repeats", 1, 1);
        ObjectNode quick = options(root.get("quick"), "quick");
        Optional<StudyPlan.Fallback> fallback = fallback(root.get("fallback"));
        StudyPlan plan = new StudyPlan(schema, name, optionalText(root, "description", ""),
                optionalText(root, "expectedDuration", ""),
                base, configurations, batchSizes, axes, repeats, quick, fallback, prediction(root));
        checkEveryCellReads(plan);
        return plan;
    }

    private static List<StudyPlan.Configuration> configurations(JsonNode node) {
        List<StudyPlan.Configuration> result = new ArrayList<>();
        if (node == null) {
            return result;
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new ConfigException("configurations", node, "expected a list of objects of options");
        }
        for (int i = 0; i < node.size(); i++) {
            String path = "configurations[" + i + "]";
            JsonNode entry = node.get(i);
            if (!entry.isObject()) {
                throw new ConfigException(path, entry, "expected an object of options");
            }
            ObjectNode options = entry.deepCopy();
            JsonNode label = options.remove("label");
            if (label != null && (!label.isTextual() || label.asText().isBlank())) {
                throw new ConfigException(path + ".label", label, "expected a name");
            }
            result.add(new StudyPlan.Configuration(label == null ? null : label.asText(), options(options, path)));
        }
        return result;
    }

    private static List<StudyPlan.Axis> axes(JsonNode node) {
        List<StudyPlan.Axis> result = new ArrayList<>();
        if (node == null) {
            return result;
        }
        if (!node.isObject()) {
            throw new ConfigException("axes", node, "expected an object: option name → list of values");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> axis = fields.next();
            String path = "axes." + axis.getKey();
            TrainingOption<?> option = TrainingOptions.byKey(axis.getKey()).orElseThrow(() -> new ConfigException(path, "",
                    "is not an option; expected one of " + TrainingOptions.ALL.stream().map(TrainingOption::key).toList()));
            JsonNode values = axis.getValue();
            if (!values.isArray() || values.isEmpty()) {
                throw new ConfigException(path, values, "expected a list of values");
            }
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                JsonNode value = values.get(i);
                String valuePath = path + "[" + i + "]";
                if (value.isContainerNode() || value.isNull()) {
                    throw new ConfigException(valuePath, value, "expected " + option.type().expected());
                }
                try {
                    option.type().parse(option.key(), value.asText());
                } catch (ConfigException e) {
                    throw e.withField(valuePath);
                }
                texts.add(value.asText());
            }
            result.add(new StudyPlan.Axis(option.key(), List.copyOf(texts)));
        }
        return result;
    }

    private static Optional<StudyPlan.Fallback> fallback(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw new ConfigException("fallback", node, "expected an object with whenMissing, options and note");
        }
        rejectUnknown(node, Set.of("whenMissing", "options", "note"), "fallback.");
        ObjectNode options = options(node.get("options"), "fallback.options");
        if (!options.has("dataset")) {
            throw new ConfigException("fallback.options.dataset", "(missing)", "expected the dataset that stands in");
        }
        return Optional.of(new StudyPlan.Fallback(requiredText(node, "whenMissing", "fallback."), options,
                requiredText(node, "note", "fallback.")));
    }

    /**
     * The plan's {@code predict} section, if it has one: also read from a study record's copy of its plan.
     *
     * @throws ConfigException naming the faulty field ({@code predict.procs[1]})
     */
    public static Optional<StudyPlan.Prediction> prediction(JsonNode root) {
        JsonNode node = root == null ? null : root.get("predict");
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw new ConfigException("predict", node, "expected an object with procs, threads, coresPerHost and network");
        }
        rejectUnknown(node, Set.of("procs", "threads", "coresPerHost", "network"), "predict.");
        List<Integer> procs = counts(node.get("procs"), "predict.procs");
        List<Integer> threads = counts(node.get("threads"), "predict.threads");
        if (procs.isEmpty() && threads.isEmpty()) {
            throw new ConfigException("predict", node, "expected procs or threads to predict at");
        }
        JsonNode cores = node.get("coresPerHost");
        if (cores != null && (!cores.canConvertToExactIntegral() || cores.asInt() < 1)) {
            throw new ConfigException("predict.coresPerHost", cores, "expected an integer ≥ 1");
        }
        String network = node.has("network") ? requiredText(node, "network", "predict.") : "loopback";
        return Optional.of(new StudyPlan.Prediction(procs, threads, cores == null ? 0 : cores.asInt(), network));
    }

    private static List<Integer> counts(JsonNode node, String path) {
        List<Integer> result = new ArrayList<>();
        if (node == null) {
            return result;
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new ConfigException(path, node, "expected a list of integers ≥ 1");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode value = node.get(i);
            if (!value.canConvertToExactIntegral() || value.asInt() < 1) {
                throw new ConfigException(path + "[" + i + "]", value, "expected an integer ≥ 1");
            }
            result.add(value.asInt());
        }
        return result;
    }

    /** Options as a plan writes them, checked by reading them into a configuration. */
    private static ObjectNode options(JsonNode node, String path) {
        if (node == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        ConfigJson.read(node, OptionValues.defaults(), path);
        return (ObjectNode) node.deepCopy();
    }

    /** Every combination must at least read: the values of each were checked, this checks them together. */
    private static void checkEveryCellReads(StudyPlan plan) {
        for (int i = 0; i < Math.max(1, plan.configurations().size()); i++) {
            OptionValues values = ConfigJson.read(plan.base(), OptionValues.defaults(), "base");
            if (!plan.configurations().isEmpty()) {
                ConfigJson.read(plan.configurations().get(i).options(), values, "configurations[" + i + "]");
            }
        }
    }

    private static void rejectUnknown(JsonNode node, Set<String> known, String prefix) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new ConfigException(prefix + name, "", "is not a field of a study plan; expected one of "
                        + known.stream().sorted().toList());
            }
        }
    }

    private static String requiredText(JsonNode node, String field, String prefix) {
        if (node.get(field) == null) {
            throw new ConfigException(prefix + field, "(missing)", "expected text");
        }
        return optionalText(node, field, prefix);
    }

    private static String optionalText(JsonNode node, String field, String prefix) {
        JsonNode value = node.get(field);
        if (value == null) {
            return "";
        }
        if (!value.isTextual()) {
            throw new ConfigException(prefix + field, value, "expected text");
        }
        return value.asText();
    }

    private static int integer(JsonNode node, String field, int minimum, int otherwise) {
        JsonNode value = node.get(field);
        if (value == null) {
            return otherwise;
        }
        if (!value.canConvertToExactIntegral() || value.asInt() < minimum) {
            throw new ConfigException(field, value, "expected an integer ≥ " + minimum);
        }
        return value.asInt();
    }
}
