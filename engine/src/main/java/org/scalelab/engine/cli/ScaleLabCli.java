package org.scalelab.engine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code scalelab}: the command-line workbench. */
@Command(name = "scalelab", mixinStandardHelpOptions = true, versionProvider = ScaleLabCli.Version.class,
        description = "Train neural networks and measure how their training scales.",
        subcommands = {TrainCommand.class, StudyCommand.class, DatasetsCommand.class, BenchCommand.class})
public final class ScaleLabCli implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** {@code scalelab} alone: says what there is to do. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CliErrors.USAGE;
    }

    /**
     * The command line as {@code Main} runs it: a {@code new CommandLine(new ScaleLabCli())} whose invalid input
     * and expected failures print one line (no usage dump, no stack trace) and exit non-zero.
     */
    public static CommandLine commandLine() {
        return new CommandLine(new ScaleLabCli())
                .setParameterExceptionHandler(CliErrors::invalidInput)
                .setExecutionExceptionHandler(CliErrors::failure);
    }

    /** The version Maven built, from a resource it filtered. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = ScaleLabCli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"scalelab " + properties.getProperty("version", "(unknown version)")};
        }
    }
}
