package org.scalelab.engine.cli;

import java.io.PrintWriter;
import java.lang.reflect.Field;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.config.ExplainedFailure;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.provenance.ErrorLog;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * How the command line reports what went wrong: one line starting with {@code error:} on the error stream,
 * and an exit code. Users get a reason they can act on, not a usage dump or a stack trace.
 */
final class CliErrors {
    /** Invalid options or values: the user can fix the command. */
    static final int USAGE = 2;
    /** The command was right but the work failed (dataset missing, disk full, run failed). */
    static final int FAILED = 1;

    private CliErrors() {
    }

    /** Picocli's parse errors (unknown option, bad number, missing value) already name the option. */
    static int invalidInput(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println("error: " + e.getMessage() + " (see: " + command.getCommandSpec().qualifiedName()
                + " --help)");
        return USAGE;
    }

    /**
     * Errors the commands expect are one line; anything else is a bug, also one line, naming what failed and the
     * file that keeps its stack trace for a bug report ({@link ErrorLog}).
     */
    static int failure(Exception e, CommandLine command, ParseResult parseResult) {
        if (e instanceof ConfigException config) {
            command.getErr().println("error: " + config.messageFor(optionName(command, config.field())));
            return USAGE;
        }
        if (e instanceof ExplainedFailure) {
            command.getErr().println("error: " + e.getMessage());
            return FAILED;
        }
        return unexpected(e, command.getCommandSpec().qualifiedName(), command.getErr());
    }

    /** A fault of ScaleLab's: one line, the trace in a file. */
    static int unexpected(Throwable e, String what, PrintWriter err) {
        err.println("error: " + ErrorLog.describe(what, e));
        err.flush();
        return FAILED;
    }

    /**
     * The option a configuration field came from: commands name their option fields after the configuration's
     * fields ({@code batchSize} is set by {@code --batch}), so the message names what the user typed.
     */
    private static String optionName(CommandLine command, String field) {
        var trainingOption = TrainingOptions.byKey(field);
        if (trainingOption.isPresent()) {
            return trainingOption.get().cliName();
        }
        for (OptionSpec option : command.getCommandSpec().options()) {
            if (option.userObject() instanceof Field f && f.getName().equals(field)) {
                return option.longestName();
            }
        }
        return field;
    }
}
