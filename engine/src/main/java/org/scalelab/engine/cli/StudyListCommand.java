package org.scalelab.engine.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalelab.engine.studies.StudyRecord;
import org.scalelab.engine.studies.StudyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code scalelab study list}: every study, newest first, with its state. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the studies, newest first.")
final class StudyListCommand implements Callable<Integer> {

    @Mixin
    RunsDirOption runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<StudyRecord> studies = new StudyStore(runs.directory()).list();
        if (studies.isEmpty()) {
            out.println("No studies in " + runs.directory() + " (start one: scalelab study run PLAN).");
            return 0;
        }
        TextTable table = new TextTable(List.of("Id", "Name", "State", "Cells done", "Started"),
                false, false, false, true, false);
        for (StudyRecord study : studies) {
            table.add(List.of(study.studyId(), study.name() + (study.quick() ? " (quick)" : ""),
                    study.effectiveStatus().toString(), study.cellsDone() + "/" + study.cells().size(),
                    study.createdAt()));
        }
        table.printText(out);
        out.flush();
        return 0;
    }
}
