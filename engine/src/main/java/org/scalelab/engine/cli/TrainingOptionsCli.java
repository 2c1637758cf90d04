package org.scalelab.engine.cli;

import java.util.ArrayList;
import java.util.List;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.config.OptionValues;
import org.scalelab.engine.config.TrainingOption;
import org.scalelab.engine.config.TrainingOptions;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Gives a command one picocli option per {@link TrainingOptions} entry, named, described and defaulted from the
 * table, listed before the command's own options; what the user types goes into the command's
 * {@link OptionValues}. A value that is not of the option's type is a usage error naming the option.
 */
final class TrainingOptionsCli implements IModelTransformer {

    /** A command that takes the training options. */
    interface Target {
        OptionValues trainingOptions();
    }

    @Override
    public CommandSpec transform(CommandSpec spec) {
        Target target = (Target) spec.userObject();
        List<OptionSpec> own = new ArrayList<>(spec.options());
        own.forEach(spec::remove);
        for (TrainingOption<?> option : TrainingOptions.ALL) {
            spec.addOption(optionSpec(option, spec, target));
        }
        own.forEach(spec::addOption);
        return spec;
    }

    private static OptionSpec optionSpec(TrainingOption<?> option, CommandSpec spec, Target target) {
        boolean flag = option.type().isFlag();
        return OptionSpec.builder(option.cliNames().toArray(String[]::new))
                .paramLabel(option.paramLabel().isEmpty() ? "VALUE" : option.paramLabel())
                .type(flag ? boolean.class : String.class)
                .arity(flag ? "0" : "1")
                // A flag that is on by default is turned off by its --no- form: --no-error-feedback.
                .negatable(flag && Boolean.TRUE.equals(option.defaultValue()))
                .description(description(option))
                .hasInitialValue(false)
                .setter(new ISetter() {
                    @Override
                    public <T> T set(T value) {
                        try {
                            target.trainingOptions().setText(option, String.valueOf(value));
                        } catch (ConfigException e) {
                            throw new ParameterException(spec.commandLine(), "Invalid value for option '"
                                    + option.cliName() + "': " + e.messageFor("").strip());
                        }
                        return null;
                    }
                })
                .build();
    }

    /** The option's help, its choices and its default, as the help screen shows them. */
    static String description(TrainingOption<?> option) {
        StringBuilder text = new StringBuilder(option.help());
        if (!option.type().choices().isEmpty()) {
            text.append(" One of: ").append(String.join(", ", option.type().choices())).append('.');
        }
        if (!option.type().isFlag() && !option.defaultText().isEmpty()) {
            text.append(" Default: ").append(option.defaultText()).append('.');
        }
        return text.toString();
    }
}
