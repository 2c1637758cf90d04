package org.scalelab.engine.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scalelab runs rename ID NAME}: what listings, charts and reports call the run; its id stays. */
@Command(name = "rename", mixinStandardHelpOptions = true, description = "Give a run a new name (its id stays).")
final class RunsRenameCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "The run's id (see: scalelab runs list).")
    String runId;

    @Parameters(index = "1", paramLabel = "NAME", description = "The new name.")
    String name;

    @Mixin
    RunsDirOption runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (name.isBlank()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "NAME: expected a name, not blank");
        }
        runs.store().rename(runId, name.strip());
        spec.commandLine().getOut().println(runId + " is now called " + name.strip());
        return 0;
    }
}
