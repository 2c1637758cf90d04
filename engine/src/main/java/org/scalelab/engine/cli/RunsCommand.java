package org.scalelab.engine.cli;

import picocli.CommandLine.Command;

/** {@code scalelab runs}: the saved runs, from a terminal: what the workbench's library does, without a display. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List, show, rename, tag, delete and compare saved runs; export their reports and timelines.",
        subcommands = {RunsListCommand.class, RunsShowCommand.class, RunsRenameCommand.class, RunsTagCommand.class,
                RunsDeleteCommand.class, RunsCompareCommand.class, RunsExportCommand.class, RunsTraceCommand.class})
public final class RunsCommand extends CommandGroup {
}
