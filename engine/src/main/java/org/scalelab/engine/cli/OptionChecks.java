package org.scalelab.engine.cli;

import java.util.List;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.training.Models;

/**
 * Checks of the benchmark commands' own options, failing as {@link ConfigException}s named after the option's
 * field so that {@link CliErrors} prints them as one line naming the option.
 */
final class OptionChecks {
    private OptionChecks() {
    }

    static void atLeastOne(String field, int value) {
        if (value < 1) {
            throw new ConfigException(field, value, "expected an integer ≥ 1");
        }
    }

    static void positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new ConfigException(field, value, "expected a number > 0");
        }
    }

    /** Every value ≥ 1, and at least one value; {@code what} names them in the message ("thread counts"). */
    static void allAtLeastOne(String field, List<Integer> values, String what) {
        if (values.isEmpty() || values.stream().anyMatch(value -> value < 1)) {
            throw new ConfigException(field, values, "expected " + what + " ≥ 1");
        }
    }

    /** Every model names a preset or a readable architecture file. */
    static void models(String field, List<String> models) {
        for (String model : models) {
            try {
                Models.resolve(model);
            } catch (ConfigException e) {
                throw e.withField(field);
            }
        }
    }
}
