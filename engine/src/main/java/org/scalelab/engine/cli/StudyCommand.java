package org.scalelab.engine.cli;

import picocli.CommandLine.Command;

/** {@code scalelab study}: a grid of runs as one experiment, from plan to report. */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = "Run a scaling study (a grid of configurations with its serial baselines), resume it, and "
                + "report its table and charts.",
        subcommands = {StudyRunCommand.class, StudyResumeCommand.class, StudyListCommand.class, StudyShowCommand.class,
                StudyReportCommand.class})
public final class StudyCommand extends CommandGroup {
}
