package org.scalelab.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.runs.RunStore;
import org.scalelab.engine.studies.StudyCell;
import org.scalelab.engine.studies.StudyGrid;
import org.scalelab.engine.studies.StudyPlan;
import org.scalelab.engine.studies.StudyPlans;
import org.scalelab.engine.studies.StudyRecord;
import org.scalelab.engine.studies.StudyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scalelab study run PLAN}: every cell of a plan, one at a time, each in a JVM of its own. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run every cell of a study plan (serial baselines added and spread through the study). "
                + "Ctrl-C stops after saving; 'scalelab study resume ID' goes on.")
final class StudyRunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PLAN", description = "A study plan (JSON), e.g. experiments/plans/study-b-mlp.json.")
    Path planFile;

    @Option(names = "--quick", description = "The plan's shortened form (fewer steps per epoch): minutes, not hours.")
    boolean quick;

    @Option(names = "--dry-run", description = "List the cells, the cores each needs and how long the study should take; run nothing.")
    boolean dryRun;

    @Mixin
    StudyRunOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        StudyPlan plan = StudyPlans.read(planFile);
        DatasetCatalog catalog = options.data.catalog();
        int cores = Runtime.getRuntime().availableProcessors();
        List<StudyCell> cells = StudyGrid.cells(plan, quick, catalog::isHere, cores);
        String substitution = StudyGrid.substitution(plan, catalog::isHere)
                .map(StudyPlan.Fallback::note).orElse(null);
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun) {
            StudyDryRun.print(plan, cells, substitution, quick, options.allowOversubscribe, cores, options.runs.store(), out);
            return 0;
        }
        RunStore runs = options.runs.writableStore();
        JsonNode planJson = Json.mapper().readTree(Files.readString(planFile));
        StudyRecord study = new StudyStore(runs.directory()).create(planFile, planJson, plan, cells, quick,
                options.allowOversubscribe, substitution);
        if (substitution != null) {
            spec.commandLine().getErr().println("note: " + substitution);
        }
        return StudySession.run(study, runs, options, out, spec.commandLine().getErr());
    }
}
