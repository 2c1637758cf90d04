package org.scalelab.engine.cli;

import org.scalelab.engine.provenance.ScaleLabBuild;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code scalelab}: the command-line workbench. */
@Command(name = "scalelab", mixinStandardHelpOptions = true, versionProvider = ScaleLabCli.Version.class,
        description = "Train neural networks and measure how their training scales.",
        subcommands = {TrainCommand.class, RunsCommand.class, StudyCommand.class, DatasetsCommand.class, BenchCommand.class,
                PredictCommand.class})
public final class ScaleLabCli extends CommandGroup {

    /**
     * The command line as {@code Main} runs it: a {@code new CommandLine(new ScaleLabCli())} whose invalid input
     * and expected failures print one line (no usage dump, no stack trace) and exit non-zero.
     */
    public static CommandLine commandLine() {
        return new CommandLine(new ScaleLabCli())
                .setParameterExceptionHandler(CliErrors::invalidInput)
                .setExecutionExceptionHandler(CliErrors::failure);
    }

    /** The version Maven built and the commit of the checkout it runs from. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"scalelab " + ScaleLabBuild.version() + " (commit " + ScaleLabBuild.commit() + ")"};
        }
    }
}
