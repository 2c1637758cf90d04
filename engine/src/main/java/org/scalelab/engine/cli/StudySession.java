package org.scalelab.engine.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.report.TableFormat;
import org.scalelab.engine.runs.RunStore;
import org.scalelab.engine.studies.ChildCellLauncher;
import org.scalelab.engine.studies.StudyRecord;
import org.scalelab.engine.studies.StudyResults;
import org.scalelab.engine.studies.StudyRunner;
import org.scalelab.engine.studies.StudyStatus;
import org.scalelab.engine.studies.StudyStore;
import org.scalelab.engine.studies.StudyTable;
import org.scalelab.engine.training.CancellationToken;

/**
 * What {@code study run} and {@code study resume} share: running the cells with progress on the terminal, saying
 * how to resume when stopped, and ending with the table (or one line of JSON).
 */
final class StudySession {
    private StudySession() {
    }

    /** @param runs where the cells' records go, checked writable ({@link RunsDirOption#writableStore}) */
    static int run(StudyRecord study, RunStore runs, StudyRunOptions options, PrintWriter out, PrintWriter err) {
        Path runsDir = runs.directory();
        StudyStore studies = new StudyStore(runsDir);
        String resume = "scalelab study resume " + study.studyId() + " --runs-dir " + runsDir;
        err.println("Study " + study.studyId() + ": " + study.cells().size() + " cells; to resume it: " + resume);
        err.flush();
        StudyRecord ended;
        try (CancelOnShutdown ctrlC = new CancelOnShutdown(); StudyConsole console = new StudyConsole(err)) {
            StudyRunner runner = new StudyRunner(studies, runs,
                    new ChildCellLauncher(Main.class, runsDir, options.data.dataDir));
            ended = runner.run(study, console, new CancellationToken(ctrlC), () -> false);
            if (ended.status() != StudyStatus.FINISHED) {
                err.println("Study " + ended.studyId() + " interrupted; to resume it: " + resume);
                err.flush();
            }
            StudyResults results = StudyResults.of(ended, runs);
            if (options.json) {
                out.println(resultJson(results, studies.directory().resolve(ended.studyId() + ".json")));
            } else {
                out.print(TableFormat.TEXT.render(StudyTable.of(results)));
                out.println("Study record: " + studies.directory().resolve(ended.studyId() + ".json"));
            }
            out.flush();
        }
        return ended.status() == StudyStatus.FINISHED ? 0 : DatasetsCommand.CANCELLED;
    }

    /** {@code studyId}, {@code status}, {@code recordPath} and one object per cell, for scripts. */
    static String resultJson(StudyResults results, Path recordPath) {
        ObjectNode result = Json.mapper().createObjectNode();
        StudyRecord study = results.study();
        result.put("studyId", study.studyId());
        result.put("status", study.effectiveStatus().toString());
        result.put("recordPath", recordPath.toString());
        ArrayNode cells = result.putArray("cells");
        for (StudyResults.CellFigures figures : results.cells()) {
            StudyRecord.Cell cell = figures.cell();
            var parallelism = cell.config().parallelism();
            ObjectNode node = cells.addObject();
            node.put("label", cell.label());
            node.put("strategy", parallelism.strategy().toString());
            node.put("procs", parallelism.processes());
            node.put("threads", parallelism.threads());
            node.put("batch", cell.config().globalBatchSize());
            node.put("repeat", cell.repeat());
            node.put("baseline", cell.baseline());
            node.put("oversubscribed", cell.oversubscribed());
            node.put("status", cell.status().toString());
            node.put("runId", cell.runId());
            Json.putNumber(node, "imagesPerSecond", figures.imagesPerSecond());
            Json.putNumber(node, "speedup", cell.baseline() && figures.measured() ? 1.0 : figures.speedup().value());
            Json.putNumber(node, "efficiency", cell.baseline() && figures.measured() ? 1.0 : figures.speedup().efficiency());
            Json.putNumber(node, "testAccuracy", figures.testAccuracy());
        }
        try {
            return Json.mapper().writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of numbers and text is always writable", e);
        }
    }
}
