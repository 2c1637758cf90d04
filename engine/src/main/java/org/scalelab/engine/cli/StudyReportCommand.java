package org.scalelab.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalelab.engine.report.ReportFormat;
import org.scalelab.engine.studies.StudyRecord;
import org.scalelab.engine.studies.StudyReport;
import org.scalelab.engine.studies.StudyResults;
import org.scalelab.engine.studies.StudyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scalelab study report ID --out DIR}: the study's table and charts as files for a report. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a study's table and charts into a folder.")
final class StudyReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "The study's id (see: scalelab study list).")
    String studyId;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The folder to write into (created).")
    Path out;

    @Option(names = "--formats", split = ",", paramLabel = "FORMAT",
            converter = LowerCaseEnumConverter.ReportFormatConverter.class,
            description = "Any of ${COMPLETION-CANDIDATES}. Default: all.")
    List<ReportFormat> formats = List.of(ReportFormat.values());

    @Mixin
    RunsDirOption runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        StudyRecord study = new StudyStore(runs.directory()).load(studyId);
        List<Path> written = StudyReport.write(StudyResults.of(study, runs.store()), out, formats);
        PrintWriter console = spec.commandLine().getOut();
        written.forEach(console::println);
        console.flush();
        return 0;
    }
}
