package org.scalelab.engine.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The command-line options that recreate a configuration: {@code --name value} for every option not at its
 * default (flags by their name alone; one that is on by default, turned off, by its {@code --no-} form).
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
            boolean flag = option.type().isFlag();
            args.add(flag && Boolean.FALSE.equals(option.valueIn(config)) ? option.negatedCliName() : option.cliName());
            if (!flag) {
                args.add(option.textIn(config));
            }
        }
        return args;
    }
}
