package org.scalelab.engine.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The kind of value an option takes: how it is read from text (command line, workbench field, plan file), how
 * it is written back, and which values are allowed. Reading and checking are apart so that a value that parses
 * but is out of range is reported by {@link TrainingConfig#validate} with every other rule, in the same words
 * wherever it was typed.
 *
 * @param <T> the Java type of the value
 */
public final class ValueType<T> {
    private final Class<T> javaType;
    private final Function<String, T> parse;
    private final Function<T, String> format;
    private final String expected;
    private final Predicate<T> allowed;
    private final String rule;
    private final List<String> choices;
    private final boolean optional;
    /** Whether a parse failure's own message says which part is wrong, and so belongs in the error. */
    private final boolean explainsParseFailures;

    private ValueType(Class<T> javaType, Function<String, T> parse, Function<T, String> format, String expected,
                      Predicate<T> allowed, String rule, List<String> choices) {
        this(javaType, parse, format, expected, allowed, rule, choices, false, false);
    }

    private ValueType(Class<T> javaType, Function<String, T> parse, Function<T, String> format, String expected,
                      Predicate<T> allowed, String rule, List<String> choices, boolean optional,
                      boolean explainsParseFailures) {
        this.javaType = javaType;
        this.parse = parse;
        this.format = format;
        this.expected = expected;
        this.allowed = allowed;
        this.rule = rule;
        this.choices = choices;
        this.optional = optional;
        this.explainsParseFailures = explainsParseFailures;
    }

    /** A whole number of at least {@code minimum}. */
    public static ValueType<Integer> integerAtLeast(int minimum) {
        return new ValueType<>(Integer.class, Integer::valueOf, String::valueOf, "an integer",
                value -> value >= minimum, "expected an integer ≥ " + minimum, List.of());
    }

    /** Any whole number that fits 64 bits (seeds). */
    public static ValueType<Long> anyLong() {
        return new ValueType<>(Long.class, Long::valueOf, String::valueOf, "a whole number", value -> true, "", List.of());
    }

    /** A finite number greater than zero. */
    public static ValueType<Double> positive() {
        return decimal(value -> value > 0 && !value.isInfinite(), "expected a number > 0");
    }

    /** A finite number of at least zero. */
    public static ValueType<Double> nonNegative() {
        return decimal(value -> value >= 0 && !value.isInfinite(), "expected a number ≥ 0");
    }

    /** A number in [0, 1): momentum and Adam's decay rates. */
    public static ValueType<Double> fraction() {
        return decimal(value -> value >= 0 && value < 1, "expected a number in [0, 1)");
    }

    /** Non-blank text: a name or a path. */
    public static ValueType<String> name() {
        return new ValueType<>(String.class, String::strip, Function.identity(), "a name",
                value -> !value.isBlank(), "expected a name", List.of());
    }

    /** A file's path, or nothing (null) when the option is not used. */
    public static ValueType<String> optionalPath() {
        return new ValueType<>(String.class, text -> text.isBlank() ? null : text.strip(),
                value -> value == null ? "" : value, "a path", value -> true, "", List.of(), true, false);
    }

    /**
     * A value written in a little syntax of its own, or nothing (null) when the option is not used. Its parser
     * throws {@link IllegalArgumentException} saying which part is wrong, and the message keeps that part.
     *
     * @param syntax how it is written, for messages: e.g. {@code rank=R,step=S,kind=kill|hang|slow:FACTOR}
     */
    public static <T> ValueType<T> optionalStructured(Class<T> type, Function<String, T> parse, String syntax) {
        return new ValueType<>(type, text -> text.isBlank() ? null : parse.apply(text.strip()), String::valueOf,
                syntax, value -> true, "", List.of(), true, true);
    }

    /** On or off; on the command line a flag that takes no value. */
    public static ValueType<Boolean> flag() {
        return new ValueType<>(Boolean.class, ValueType::parseBoolean, String::valueOf, "true or false", value -> true, "",
                List.of());
    }

    /** One constant of {@code type}, spelt as {@link CommandLineIds} spells it ({@code mpj-multicore}). */
    public static <E extends Enum<E>> ValueType<E> oneOf(Class<E> type) {
        List<String> ids = Arrays.stream(type.getEnumConstants()).map(CommandLineIds::of).toList();
        return new ValueType<>(type, text -> CommandLineIds.find(type, text.strip()).orElseThrow(), CommandLineIds::of,
                "one of " + String.join(", ", ids), value -> true, "", ids);
    }

    /** A {@link GradientCompression}, written as {@link GradientCompression#toString} writes it. */
    public static ValueType<GradientCompression> compression() {
        return new ValueType<>(GradientCompression.class, GradientCompression::parse, GradientCompression::toString,
                GradientCompression.CHOICES, value -> true, "", List.of());
    }

    private static ValueType<Double> decimal(Predicate<Double> allowed, String rule) {
        return new ValueType<>(Double.class, Double::valueOf, ValueType::formatDecimal, "a number", allowed, rule, List.of());
    }

    private static Boolean parseBoolean(String text) {
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(text);
        };
    }

    /** {@code 0.01} rather than {@code 1.0E-2}, {@code 1e-08} rather than {@code 1.0E-8}: as a person types them. */
    private static String formatDecimal(Double value) {
        String plain = java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return plain.length() <= 8 ? plain : String.valueOf(value);
    }

    /**
     * @param key the option's name, for the message
     * @throws ConfigException naming the option, the text and what was expected, when the text cannot be read
     */
    public T parse(String key, String text) {
        try {
            return parse.apply(text);
        } catch (RuntimeException e) {
            String detail = explainsParseFailures && e.getMessage() != null ? " (" + e.getMessage() + ")" : "";
            throw new ConfigException(key, "'" + text + "'", "expected " + expected + detail);
        }
    }

    /** The value as it would be typed; empty text for an optional value left out. */
    public String format(T value) {
        return value == null ? "" : format.apply(value);
    }

    /** The rule a value breaks, if it breaks one: e.g. {@code "expected an integer ≥ 1"}. */
    public Optional<String> problemWith(T value) {
        if (value == null) {
            return optional ? Optional.empty() : Optional.of("expected " + expected);
        }
        return allowed.test(value) ? Optional.empty() : Optional.of(rule);
    }

    public Class<T> javaType() {
        return javaType;
    }

    /** The spellings of an enum's constants, empty for other types. */
    public List<String> choices() {
        return choices;
    }

    public boolean isFlag() {
        return javaType == Boolean.class;
    }

    /** What a value of this type looks like, for help texts: {@code "an integer"}, {@code "one of sgd, momentum"}. */
    public String expected() {
        return expected;
    }
}
