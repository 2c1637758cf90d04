package org.scalelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunStore;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeriesCollection;
import org.scalelab.engine.predict.MachineCalibration;
import org.scalelab.engine.predict.StudyPredictions;
import org.scalelab.engine.provenance.MachineDescription;
import org.scalelab.engine.report.ChartPalette;
import org.scalelab.engine.studies.StudyCharts;
import org.scalelab.engine.studies.StudyPlan;
import org.scalelab.engine.studies.StudyResults;
import org.scalelab.engine.studies.StudyRunner;
import org.scalelab.engine.studies.StudyStore;

/** {@code scalelab study} as a user runs it: every cell a real run in a JVM of its own. */
class StudyCommandTest {
    @TempDir
    Path folder;

    private Path plan() throws IOException {
        return Files.writeString(folder.resolve("plan.json"), """
                {"schemaVersion": 1, "name": "Two threads", "description": "serial against two threads",
                 "expectedDuration": "under a minute",
                 "base": {"dataset": "mnist-mini", "model": "mlp-235k", "epochs": 2, "stepsPerEpoch": 6, "seed": 3},
                 "configurations": [{"label": "Two threads", "strategy": "threads", "threads": 2},
                                    {"strategy": "intra-op", "threads": 2},
                                    {"label": "Eight threads", "strategy": "threads", "threads": 8}]}
                """);
    }

    @Test
    void aDryRunListsTheCellsAndTheirCoresAndRunsNothing() throws IOException {
        CommandRun run = CommandRun.of("study", "run", plan().toString(), "--dry-run", "--runs-dir", folder.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("serial"), run.out());
        assertTrue(run.out().contains("Eight threads"), run.out());
        assertTrue(run.out().contains("skipped without --allow-oversubscribe"), run.out());
        assertTrue(run.out().contains("4 cells on"), run.out());
        assertFalse(Files.exists(folder.resolve("studies")), "a dry run saves no study");
    }

    @Test
    void aStudyRunsEveryCellAsARunTaggedWithItAndEndsWithOneLineOfJson() throws IOException {
        CommandRun run = CommandRun.of("study", "run", plan().toString(), "--json", "--runs-dir", folder.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("scalelab study resume "), "says how to resume: " + run.err());
        JsonNode result = Json.mapper().readTree(run.lastOutLine());
        assertEquals("finished", result.get("status").asText());
        JsonNode cells = result.get("cells");
        assertEquals(4, cells.size());
        JsonNode serial = cells.get(0);
        assertEquals("serial", serial.get("strategy").asText());
        assertEquals(1.0, serial.get("speedup").asDouble());
        JsonNode threads = cells.get(1);
        assertEquals("Two threads", threads.get("label").asText());
        assertEquals("finished", threads.get("status").asText());
        assertTrue(threads.get("speedup").asDouble() > 0, threads.toString());
        assertEquals(threads.get("speedup").asDouble() / 2, threads.get("efficiency").asDouble(), 1e-9);
        assertTrue(threads.get("testAccuracy").asDouble() > 0.3, threads.toString());
        JsonNode eight = cells.get(3);
        assertEquals("skipped", eight.get("status").asText(), "8 threads need --allow-oversubscribe here");
        assertTrue(eight.get("speedup").isNull(), "a figure that does not exist is null, not NaN");

        String studyId = result.get("studyId").asText();
        List<RunRecord> runs = new RunStore(folder).list().records();
        assertEquals(3, runs.size(), "one run per cell that ran");
        for (RunRecord record : runs) {
            assertTrue(record.tags().contains(StudyRunner.STUDY_TAG + studyId), record.tags().toString());
        }

        CommandRun show = CommandRun.of("study", "show", studyId, "--runs-dir", folder.toString());
        assertEquals(0, show.exitCode(), show.err());
        assertTrue(show.out().contains("Two threads") && show.out().contains("1.00×"), show.out());
        CommandRun list = CommandRun.of("study", "list", "--runs-dir", folder.toString());
        assertTrue(list.out().contains(studyId) && list.out().contains("finished"), list.out());
    }

    @Test
    void aReportSetsThePlansPredictionsBesideTheMeasurementsAndDrawsThoseBeyondTheMachineDashed() throws IOException {
        Path plan = Files.writeString(folder.resolve("predicted.json"), """
                {"name": "Predicted threads", "base": {"dataset": "mnist-mini", "model": "mlp-235k", "epochs": 1,
                 "stepsPerEpoch": 4, "seed": 3},
                 "configurations": [{"label": "Two threads", "strategy": "threads", "threads": 2}],
                 "predict": {"threads": [4, 512]}}
                """);
        CommandRun run = CommandRun.of("study", "run", plan.toString(), "--json", "--runs-dir", folder.toString());
        assertEquals(0, run.exitCode(), run.err());
        String studyId = Json.mapper().readTree(run.lastOutLine()).get("studyId").asText();
        Path calibration = folder.resolve("calibration.json");
        MachineCalibration machine = PredictCommandTest.calibrationFor(MachineDescription.current());
        machine.save(calibration);

        Path out = folder.resolve("report");
        CommandRun report = CommandRun.of("study", "report", studyId, "--out", out.toString(), "--formats", "csv,png",
                "--runs-dir", folder.toString(), "--calibration", calibration.toString());
        assertEquals(0, report.exitCode(), report.err());
        List<String> csv = Files.readAllLines(out.resolve("study.csv"));
        assertTrue(csv.get(0).contains("predicted_images_per_second,prediction_error,predicted_speedup"), csv.get(0));
        assertTrue(csv.stream().anyMatch(line -> line.startsWith("threads 1P×512T (predicted),")), String.join("\n", csv));
        List<String> header = List.of(csv.get(0).split(","));
        List<String> measuredRow = List.of(csv.stream().filter(line -> line.startsWith("Two threads,")).findFirst()
                .orElseThrow().split(",", -1));
        assertFalse(measuredRow.get(header.indexOf("prediction_error")).isEmpty(), "the measured row's error: " + measuredRow);

        StudyResults results = StudyResults.of(new StudyStore(folder).load(studyId), new RunStore(folder));
        StudyPlan.Prediction wanted = new StudyPlan.Prediction(List.of(), List.of(4, 512), 0, "loopback");
        StudyResults predicted = results.withPredictions(StudyPredictions.of(machine, wanted), wanted);
        StudyResults.Predicted serial = predicted.predictions().get(0);
        assertEquals("serial", serial.label());
        assertEquals(64 / 6.4e-3, serial.point().imagesPerSecond(), 1e-6, "64 images at 0.1 ms each");
        StudyResults.Predicted two = predicted.predictions().stream().filter(p -> p.label().equals("Two threads"))
                .findFirst().orElseThrow();
        // 32 images at 0.1 ms each, the shared-memory sum of 235,146 floats in two slices: 2 · 100 µs + 117,573 · 4 B · 1 ns
        assertEquals(64 / (3.2e-3 + 2 * 100e-6 + 117_573 * 4e-9), two.point().imagesPerSecond(), 1e-6);
        double measured = two.measured().imagesPerSecond().median();
        assertEquals((two.point().imagesPerSecond() - measured) / measured, two.error(), 1e-12);
        StudyResults.Predicted beyond = predicted.predictions().stream().filter(p -> p.config().cores() == 512)
                .findFirst().orElseThrow();
        assertTrue(beyond.beyondThisMachine());

        XYPlot chart = StudyCharts.speedup(predicted).getXYPlot();
        XYSeriesCollection series = (XYSeriesCollection) chart.getDataset();
        int dashed = series.indexOf("threads (predicted beyond this machine)");
        assertTrue(dashed > 0, "a dashed curve beyond the machine");
        assertEquals(ChartPalette.DASHED, chart.getRenderer().getSeriesStroke(dashed));
        assertEquals(512, series.getSeries(dashed).getMaxX());
        int here = series.indexOf("threads (predicted)");
        assertEquals(ChartPalette.SOLID, chart.getRenderer().getSeriesStroke(here));
        assertEquals(1, chart.getDomainMarkers(Layer.FOREGROUND).size(), "this machine's cores marked");
    }

    @Test
    void aStudyThatDoesNotExistIsOneLine() {
        CommandRun run = CommandRun.of("study", "show", "nope", "--runs-dir", folder.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.oneErrorLine().startsWith("error: no study nope in "), run.err());
    }
}
