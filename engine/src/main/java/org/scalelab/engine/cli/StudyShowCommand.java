package org.scalelab.engine.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.scalelab.engine.report.TableFormat;
import org.scalelab.engine.studies.StudyRecord;
import org.scalelab.engine.studies.StudyResults;
import org.scalelab.engine.studies.StudyStore;
import org.scalelab.engine.studies.StudyTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scalelab study show ID}: a study's table in the terminal. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Print a study's results table.")
final class StudyShowCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "The study's id (see: scalelab study list).")
    String studyId;

    @Option(names = "--json", description = "One line of JSON instead of the table.")
    boolean json;

    @Mixin
    RunsDirOption runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StudyStore studies = new StudyStore(runs.directory());
        StudyRecord study = studies.load(studyId);
        StudyResults results = StudyResults.of(study, runs.store());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(StudySession.resultJson(results, studies.directory().resolve(studyId + ".json")));
        } else {
            out.println(study.name() + " — " + study.effectiveStatus() + ", " + study.cellsDone() + "/"
                    + study.cells().size() + " cells" + (study.quick() ? ", quick" : ""));
            if (study.substitution() != null) {
                out.println("Substitution: " + study.substitution());
            }
            out.print(TableFormat.TEXT.render(StudyTable.of(results)));
        }
        out.flush();
        return 0;
    }
}
