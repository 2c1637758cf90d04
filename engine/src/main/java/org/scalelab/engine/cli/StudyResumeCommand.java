package org.scalelab.engine.cli;

import java.util.concurrent.Callable;
import org.scalelab.engine.studies.StudyRecord;
import org.scalelab.engine.studies.StudyStatus;
import org.scalelab.engine.studies.StudyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scalelab study resume ID}: the cells of an interrupted study that have not finished, and nothing else. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Go on with an interrupted study: cells that finished are kept, a cell that was cut off runs "
                + "again from its start.")
final class StudyResumeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "The study's id (see: scalelab study list).")
    String studyId;

    @Option(names = "--allow-oversubscribe",
            description = "Also run cells that need more cores than this machine has (marked oversubscribed).")
    boolean allowOversubscribe;

    @Option(names = "--json", description = "End with one line of JSON describing the study (progress goes to stderr).")
    boolean json;

    @Mixin
    RunsDirOption runs;

    @Mixin
    DataDirOption data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StudyRecord study = new StudyStore(runs.directory()).load(studyId);
        if (study.effectiveStatus() == StudyStatus.RUNNING) {
            spec.commandLine().getErr().println("error: study " + studyId + " is running (process " + study.owner().pid()
                    + " on " + study.owner().host() + ")");
            return CliErrors.USAGE;
        }
        return StudySession.run(study.allowingOversubscription(allowOversubscribe), runs.directory(), data.dataDir, json,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
