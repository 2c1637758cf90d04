package org.scalelab.engine.config;

/**
 * A configuration value that cannot be used. It keeps the field, the value and the problem apart so that a
 * caller can name the field the way its user typed it (the command line says {@code --batch}, a plan file
 * {@code batchSize}); the message itself uses the configuration's field name.
 */
public class ConfigException extends IllegalArgumentException implements ExplainedFailure {
    private final String field;
    private final transient Object value;
    private final String problem;

    /**
     * @param problem what was expected instead, or why the value cannot be used, e.g. {@code "expected at least 1"}
     */
    public ConfigException(String field, Object value, String problem) {
        super(describe(field, value, problem));
        this.field = field;
        this.value = value;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    /** The same problem reported against another field, e.g. a list option holding the faulty value. */
    public ConfigException withField(String otherField) {
        return new ConfigException(otherField, value, problem);
    }

    /** The same message with the field called {@code label}, e.g. {@code "--batch 0: expected at least 1"}. */
    public String messageFor(String label) {
        return describe(label, value, problem);
    }

    private static String describe(String field, Object value, String problem) {
        String shown = value == null ? " (missing)" : "".equals(value) ? "" : " " + value;
        return field + shown + ": " + problem;
    }
}
