package org.scalelab.engine.parallel.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.cli.Main;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunStore;
import org.scalelab.engine.studies.CellStatus;
import org.scalelab.engine.studies.StudyRecord;
import org.scalelab.engine.studies.StudyRunner;
import org.scalelab.engine.studies.StudyStore;

/**
 * A study of four cells with real MPJ ranks, run as a user runs it ({@code scalelab study run} in a JVM of its own),
 * reported, and killed half-way and resumed.
 */
class StudyWithRanksTest {
    @TempDir
    Path folder;

    private Path plan() throws IOException {
        return Files.writeString(folder.resolve("four.json"), """
                {"schemaVersion": 1, "name": "Four cells", "expectedDuration": "about a minute",
                 "base": {"dataset": "mnist-mini", "model": "mlp-235k", "epochs": 2, "stepsPerEpoch": 8, "seed": 5,
                          "optimizer": "sgd"},
                 "configurations": [{"strategy": "serial"}, {"strategy": "threads", "threads": 2},
                                    {"label": "MPI-2P", "strategy": "mpj", "procs": 2},
                                    {"strategy": "param-avg", "procs": 2}]}
                """);
    }

    private Process scalelab(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(folder.resolve("stderr.txt").toFile()).start();
    }

    @Test
    void aStudyOfFourCellsEndsWithItsJsonLineAndReportsItsTableAndCharts() throws Exception {
        Process study = scalelab("study", "run", plan().toString(), "--json", "--runs-dir", folder.toString());
        String out = new String(study.getInputStream().readAllBytes());
        assertTrue(study.waitFor(240, TimeUnit.SECONDS));
        assertEquals(0, study.exitValue(), out + Files.readString(folder.resolve("stderr.txt")));
        JsonNode result = Json.mapper().readTree(out.lines().reduce((a, b) -> b).orElseThrow());
        assertEquals("finished", result.get("status").asText());
        assertEquals(4, result.get("cells").size());
        for (JsonNode cell : result.get("cells")) {
            assertEquals("finished", cell.get("status").asText(), cell.toString());
            assertTrue(cell.get("imagesPerSecond").asDouble() > 0, cell.toString());
            assertTrue(cell.get("speedup").asDouble() > 0, cell.toString());
            assertTrue(cell.get("testAccuracy").asDouble() > 0.2, cell.toString());
        }
        assertEquals("MPI-2P", result.get("cells").get(2).get("label").asText());
        assertEquals(2, result.get("cells").get(2).get("procs").asInt());

        Path report = folder.resolve("report");
        Process write = scalelab("study", "report", result.get("studyId").asText(), "--out", report.toString(),
                "--runs-dir", folder.toString());
        assertTrue(write.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, write.exitValue(), Files.readString(folder.resolve("stderr.txt")));
        List<String> csv = Files.readAllLines(report.resolve("study.csv"));
        assertEquals(1 + 4, csv.size(), "a header and one row per cell: " + csv);
        List<String> header = List.of(csv.get(0).split(","));
        for (String row : csv.subList(1, csv.size())) {
            String[] cells = row.split(",", -1);
            for (String numeric : List.of("images_per_second", "speedup", "efficiency", "test_accuracy", "train_seconds")) {
                Double.parseDouble(cells[header.indexOf(numeric)]); // a number, not "18.1 %"
            }
        }
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // offline
        for (String chart : List.of("speedup", "efficiency", "accuracy", "phases", "loss")) {
            xml.newDocumentBuilder().parse(report.resolve(chart + ".svg").toFile());
            assertTrue(Files.size(report.resolve(chart + ".png")) > 10_000, chart);
            assertTrue(Files.size(report.resolve(chart + ".pdf")) > 1_000, chart);
        }
        assertTrue(Files.readString(report.resolve("study.md")).contains("| MPI-2P |"));
        renders(report.resolve("study.pdf"));
    }

    /** pdftoppm (poppler-utils, installed by .ci/run) draws every page; skipped with the reason where it is missing. */
    private void renders(Path pdf) throws Exception {
        boolean available = new ProcessBuilder("sh", "-c", "command -v pdftoppm").start().waitFor() == 0;
        assumeTrue(available, "pdftoppm (poppler-utils) is not installed: the PDF was written but not rendered");
        Process render = new ProcessBuilder("pdftoppm", "-png", "-r", "40", pdf.toString(), folder.resolve("page").toString())
                .redirectErrorStream(true).start();
        String output = new String(render.getInputStream().readAllBytes());
        assertEquals(0, render.waitFor(), output);
        try (var pages = Files.list(folder)) {
            assertTrue(pages.filter(p -> p.getFileName().toString().startsWith("page")).count() >= 6, "table and charts");
        }
    }

    @Test
    void aStudyKilledHalfWayResumesWithNoCellMissingOrRunTwice() throws Exception {
        Process study = scalelab("study", "run", plan().toString(), "--runs-dir", folder.toString());
        StudyStore studies = new StudyStore(folder);
        StudyRecord seen = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            List<StudyRecord> all = studies.list();
            // Killed while the third cell (two ranks) runs: two cells finished, one cut off, one not started.
            if (!all.isEmpty() && all.get(0).cells().get(2).runId() != null) {
                seen = all.get(0);
                break;
            }
            Thread.sleep(100);
        }
        assertTrue(seen != null, "the study never reached its third cell");
        study.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        study.destroyForcibly();
        assertTrue(study.waitFor(10, TimeUnit.SECONDS));
        StudyRecord killed = studies.load(seen.studyId());
        assertEquals(CellStatus.FINISHED, killed.cells().get(1).status());
        assertEquals(CellStatus.RUNNING, killed.cells().get(2).status(), "the record says what was cut off");
        assertEquals(org.scalelab.engine.studies.StudyStatus.INTERRUPTED, killed.effectiveStatus());

        Process resume = scalelab("study", "resume", killed.studyId(), "--runs-dir", folder.toString());
        resume.getInputStream().readAllBytes();
        assertTrue(resume.waitFor(240, TimeUnit.SECONDS));
        assertEquals(0, resume.exitValue(), Files.readString(folder.resolve("stderr.txt")));

        StudyRecord resumed = studies.load(killed.studyId());
        Set<String> runIds = new HashSet<>();
        for (StudyRecord.Cell cell : resumed.cells()) {
            assertEquals(CellStatus.FINISHED, cell.status(), cell.label());
            assertTrue(runIds.add(cell.runId()), "each cell has a run of its own");
        }
        assertEquals(killed.cells().get(0).runId(), resumed.cells().get(0).runId(), "a finished cell is never rerun");
        assertEquals(killed.cells().get(1).runId(), resumed.cells().get(1).runId(), "a finished cell is never rerun");
        List<RunRecord> tagged = new RunStore(folder).list().records().stream()
                .filter(r -> r.tags().contains(StudyRunner.STUDY_TAG + killed.studyId())).toList();
        assertEquals(4, tagged.size(), "one run record per cell, the cut-off attempt gone: "
                + tagged.stream().map(RunRecord::runId).toList());
    }
}
