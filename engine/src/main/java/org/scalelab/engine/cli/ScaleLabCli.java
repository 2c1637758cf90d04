package org.scalelab.engine.cli;

import java.util.concurrent.Callable;
import org.scalelab.engine.provenance.ScaleLabBuild;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code scalelab}: the command-line workbench. */
@Command(name = "scalelab", mixinStandardHelpOptions = true, versionProvider = ScaleLabCli.Version.class,
        description = "Train neural networks and measure how their training scales.",
        subcommands = {TrainCommand.class, RunsCommand.class, StudyCommand.class, DatasetsCommand.class, BenchCommand.class,
                PredictCommand.class})
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

    /** The version Maven built and the commit of the checkout it runs from. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"scalelab " + ScaleLabBuild.version() + " (commit " + ScaleLabBuild.commit() + ")"};
        }
    }
}
