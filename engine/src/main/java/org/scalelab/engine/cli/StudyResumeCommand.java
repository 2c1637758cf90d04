package org.scalelab.engine.cli;

import java.util.concurrent.Callable;
import org.scalelab.engine.studies.StudyRecord;
import org.scalelab.engine.studies.StudyStatus;
import org.scalelab.engine.studies.StudyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scalelab study resume ID}: the cells of an interrupted study that have not finished, and nothing else. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Go on with an interrupted study: cells that finished are kept, a cell that was cut off runs "
                + "again from its start.")
final class StudyResumeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "The study's id (see: scalelab study list).")
    String studyId;

    @Mixin
    StudyRunOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StudyRecord study = new StudyStore(options.runs.directory()).load(studyId);
        if (study.effectiveStatus() == StudyStatus.RUNNING) {
            spec.commandLine().getErr().println("error: study " + studyId + " is running (process " + study.owner().pid()
                    + " on " + study.owner().host() + ")");
            return CliErrors.USAGE;
        }
        return StudySession.run(study.allowingOversubscription(options.allowOversubscribe), options.runs.writableStore(),
                options, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
