package org.scalelab.engine.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.runs.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scalelab runs delete ID…}: removes runs' records; a run still going is left alone. */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete runs' records.")
final class RunsDeleteCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", arity = "1..*", description = "The runs' ids (see: scalelab runs list).")
    List<String> runIds;

    @Mixin
    RunsDirOption runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RunStore store = runs.store();
        // Every id is checked before any is deleted: a typing mistake in the third id must not leave two deleted.
        for (String runId : runIds) {
            if (store.load(runId).status() == RunStatus.RUNNING) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), runId
                        + ": is still running; stop it first (deleting its record would lose it)");
            }
        }
        for (String runId : runIds) {
            store.delete(runId);
            spec.commandLine().getOut().println("deleted " + runId);
        }
        return 0;
    }
}
