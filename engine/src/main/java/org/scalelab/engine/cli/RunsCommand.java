package org.scalelab.engine.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code scalelab runs}: the saved runs, from a terminal: what the workbench's library does, without a display. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List, show, rename, tag, delete and compare saved runs, and export their timelines.",
        subcommands = {RunsListCommand.class, RunsShowCommand.class, RunsRenameCommand.class, RunsTagCommand.class,
                RunsDeleteCommand.class, RunsCompareCommand.class, RunsTraceCommand.class})
public final class RunsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CliErrors.USAGE;
    }
}
