package org.scalelab.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.predict.CalibrationException;
import org.scalelab.engine.predict.MachineCalibration;
import org.scalelab.engine.predict.StudyPredictions;
import org.scalelab.engine.provenance.MachineDescription;
import org.scalelab.engine.studies.StudyPlanException;
import org.scalelab.engine.studies.StudyPlans;
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

    @Mixin
    ReportFormatsOption formats;

    @Mixin
    RunsDirOption runs;

    @Spec
    CommandSpec spec;

    @Mixin
    CalibrationFileOption calibration;

    @Override
    public Integer call() throws IOException {
        StudyRecord study = new StudyStore(runs.directory()).load(studyId);
        StudyResults results = StudyResults.of(study, runs.store());
        List<Path> written = StudyReport.write(withPredictions(results), out, formats.chosen());
        PrintWriter console = spec.commandLine().getOut();
        written.forEach(console::println);
        console.flush();
        return 0;
    }

    /**
     * The results with the scaling model's predictions where the plan asks for them; without this machine's
     * calibration the report is written without them, and says so on the error stream.
     */
    private StudyResults withPredictions(StudyResults results) {
        if (StudyPlans.prediction(results.study().plan()).isEmpty()) {
            return results;
        }
        MachineCalibration machine;
        try {
            machine = MachineCalibration.load(calibration.file(), MachineDescription.current());
        } catch (CalibrationException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("warning: no predictions in this report: " + e.getMessage());
            err.flush();
            return results;
        }
        try {
            return StudyPredictions.addTo(results, machine);
        } catch (ConfigException e) {
            throw new StudyPlanException(results.study().planFile() + ": " + e.getMessage(), e);
        }
    }
}
