package org.scalelab.app.setup;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.StringProperty;

/** Reads typed numbers; what cannot be read is recorded as a problem at its field, in plain words. */
final class FieldParser {
    private final Map<ExperimentField, StringProperty> texts;
    private final Map<ExperimentField, String> problems;

    FieldParser(Map<ExperimentField, StringProperty> texts, Map<ExperimentField, String> problems) {
        this.texts = texts;
        this.problems = problems;
    }

    Optional<Integer> integer(ExperimentField field) {
        return whole(field).flatMap(value -> {
            if (value != (int) (long) value) {
                problems.put(field, "'" + value + "' is too large");
                return Optional.empty();
            }
            return Optional.of((int) (long) value);
        });
    }

    Optional<Long> whole(ExperimentField field) {
        return parse(field, Long::parseLong, "a whole number");
    }

    Optional<Double> decimal(ExperimentField field) {
        return parse(field, Double::parseDouble, "a number");
    }

    private <T> Optional<T> parse(ExperimentField field, Function<String, T> parser, String expected) {
        String text = texts.get(field).get().trim();
        try {
            return Optional.of(parser.apply(text));
        } catch (NumberFormatException e) {
            problems.put(field, "'" + text + "' is not " + expected);
            return Optional.empty();
        }
    }

    static Optional<Integer> quietInteger(String text) {
        try {
            return Optional.of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
