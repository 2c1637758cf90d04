package org.scalelab.engine.config;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One training option, declared once in {@link TrainingOptions}: the command line, the workbench's fields, plan
 * files and run records all take its name, default, allowed values and help from here.
 *
 * @param key          the name in plan files and records, and, written with dashes, on the command line
 *                     ({@code stepsPerEpoch} is {@code --steps-per-epoch})
 * @param aliases      further command-line names, e.g. {@code --processes} beside {@code --procs}
 * @param label        what the workbench calls it
 * @param paramLabel   what the command line's help shows in place of the value, e.g. {@code N}
 * @param help         one sentence on what it changes
 * @param type         how its value is read, written and checked
 * @param defaultValue the value when nobody sets it: the same in the CLI, the workbench and plan files
 * @param read         where a configuration keeps it
 * @param <T>          the Java type of the value
 */
public record TrainingOption<T>(
        String key,
        List<String> aliases,
        String label,
        String paramLabel,
        String help,
        ValueType<T> type,
        T defaultValue,
        Function<TrainingConfig, T> read) {

    /** The long command-line name: {@code --} and the key with dashes. */
    public String cliName() {
        return "--" + key.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }

    /** How the command line turns off a flag that is on by default: {@code --no-error-feedback}. */
    public String negatedCliName() {
        return "--no-" + cliName().substring(2);
    }

    /** Every name the command line accepts, the long one first. */
    public List<String> cliNames() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(cliName()), aliases.stream()).toList();
    }

    /** The default as it would be typed; empty for an option whose default is to leave it out. */
    public String defaultText() {
        return type.format(defaultValue);
    }

    public T valueIn(TrainingConfig config) {
        return read.apply(config);
    }

    /** The option's value in {@code config} as it would be typed; empty for an optional value left out. */
    public String textIn(TrainingConfig config) {
        return type.format(valueIn(config));
    }

    /** The rule {@code config}'s value of this option breaks, as an exception naming the option. */
    Optional<ConfigException> problemIn(TrainingConfig config) {
        T value = valueIn(config);
        Object shown = value instanceof String text ? "'" + text + "'" : value;
        return type.problemWith(value).map(problem -> new ConfigException(key, shown, problem));
    }

    @Override
    public String toString() {
        return key;
    }
}
