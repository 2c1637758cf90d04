package org.scalelab.engine.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The command-line options that recreate a configuration: {@code --name value} for every option not at its
 * default (flags, all off by default, by their name alone).
 */
public final class CommandLineArgs {
    private CommandLineArgs() {
    }

    public static List<String> of(TrainingConfig config) {
        List<String> args = new ArrayList<>();
        for (TrainingOption<?> option : TrainingOptions.ALL) {
            if (Objects.equals(option.valueIn(config), option.defaultValue())) {
                continue;
            }
            args.add(option.cliName());
            if (!option.type().isFlag()) {
                args.add(option.textIn(config));
            }
        }
        return args;
    }
}
