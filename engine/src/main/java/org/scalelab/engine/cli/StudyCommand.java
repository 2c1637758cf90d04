package org.scalelab.engine.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code scalelab study}: a grid of runs as one experiment, from plan to report. */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = "Run a scaling study (a grid of configurations with its serial baselines), resume it, and "
                + "report its table and charts.",
        subcommands = {StudyRunCommand.class, StudyResumeCommand.class, StudyListCommand.class, StudyShowCommand.class,
                StudyReportCommand.class})
public final class StudyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CliErrors.USAGE;
    }
}
