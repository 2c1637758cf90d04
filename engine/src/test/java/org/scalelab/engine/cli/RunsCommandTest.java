package org.scalelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.provenance.OwnerProcess;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunStore;
import org.scalelab.engine.runs.report.ChartKind;

/** {@code scalelab runs …} on real records: a serial run, a two-thread run measured against it, and oddities. */
class RunsCommandTest {
    @TempDir
    static Path shared;
    private static String serial;
    private static String threads;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainTwoRuns() {
        serial = train("--strategy", "serial");
        threads = train("--strategy", "threads", "--threads", "2");
    }

    private static String train(String... strategy) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--runs-dir", shared.toString(), "--epochs", "2",
                "--steps-per-epoch", "8", "--json"));
        args.addAll(List.of(strategy));
        CommandRun run = CommandRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        try {
            return Json.mapper().readTree(run.lastOutLine()).get("runId").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the two runs, so that a test may change them. */
    private Path copy() throws IOException {
        try (var files = Files.list(shared)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        return dir;
    }

    @Test
    void listShowsEachRunsStateShapeSpeedAccuracyAndSpeedupNewestFirst() {
        CommandRun list = CommandRun.of("runs", "list", "--runs-dir", shared.toString());
        assertEquals(0, list.exitCode(), list.err());
        List<String> lines = list.outLines();
        assertTrue(lines.get(0).startsWith("Id") && lines.get(0).contains("State") && lines.get(0).contains("Speedup"),
                lines.get(0));
        assertTrue(lines.get(1).startsWith(threads) && lines.get(1).contains("finished")
                && lines.get(1).contains("threads") && lines.get(1).contains("1P×2T")
                && lines.get(1).matches(".*\\d\\.\\d\\d×.*"), "the two-thread run has a speedup: " + lines.get(1));
        assertTrue(lines.get(2).startsWith(serial) && lines.get(2).contains("serial") && lines.get(2).contains("—"),
                "a serial run has no speedup: " + lines.get(2));
    }

    @Test
    void interruptedAndUnreadableRecordsAreShownAsSuch() throws IOException {
        Path runs = copy();
        RunStore store = new RunStore(runs);
        RunRecord finished = store.load(serial);
        store.save(new RunRecord(finished.schemaVersion(), "20000101-000000-killed", "killed", Set.of(), RunStatus.RUNNING,
                new OwnerProcess(Long.MAX_VALUE, OwnerProcess.current().host(), null), finished.config(),
                finished.environment(), finished.events().subList(0, 3), finished.summary()));
        Files.writeString(runs.resolve("broken.json"), "{\"schemaVersion\": 2, \"runId\": ");

        CommandRun list = CommandRun.of("runs", "list", "--runs-dir", runs.toString());
        assertTrue(list.out().lines().anyMatch(line -> line.startsWith("20000101-000000-killed") && line.contains("interrupted")),
                list.out());
        assertTrue(list.out().lines().anyMatch(line -> line.startsWith("unreadable: broken.json: ")), list.out());
    }

    @Test
    void listByTagAndAsJson() throws IOException {
        Path runs = copy();
        assertEquals(0, CommandRun.of("runs", "tag", threads, "fast", "study-x", "--runs-dir", runs.toString()).exitCode());
        CommandRun tagged = CommandRun.of("runs", "list", "--tag", "fast", "--json", "--runs-dir", runs.toString());
        JsonNode json = Json.mapper().readTree(tagged.lastOutLine());
        assertEquals(1, json.get("runs").size());
        JsonNode run = json.get("runs").get(0);
        assertEquals(threads, run.get("runId").asText());
        assertEquals("finished", run.get("status").asText());
        assertEquals(2, run.get("threads").asInt());
        assertTrue(run.get("speedup").asDouble() > 0);
        assertEquals("[\"fast\",\"study-x\"]", run.get("tags").toString());
        assertEquals(0, json.get("unreadable").size());
    }

    @Test
    void renameAndTagChangeOnlyTheNameAndTags() throws IOException {
        Path runs = copy();
        CommandRun rename = CommandRun.of("runs", "rename", threads, "two threads", "--runs-dir", runs.toString());
        assertEquals(0, rename.exitCode(), rename.err());
        CommandRun.of("runs", "tag", threads, "a", "b", "--runs-dir", runs.toString());
        CommandRun removed = CommandRun.of("runs", "tag", threads, "--remove", "a", "--runs-dir", runs.toString());
        assertEquals(threads + " tags: b", removed.lastOutLine());
        RunRecord record = new RunStore(runs).load(threads);
        assertEquals("two threads", record.name());
        assertEquals(Set.of("b"), record.tags());
        assertEquals(new RunStore(shared).load(threads).events(), record.events());
    }

    @Test
    void showPrintsTheSettingsTheBaselineTheMachineTheEpochsAndHowToRunItAgain() {
        CommandRun show = CommandRun.of("runs", "show", threads, "--runs-dir", shared.toString());
        assertEquals(0, show.exitCode(), show.err());
        assertTrue(show.out().contains("State:     finished"), show.out());
        assertTrue(show.out().contains("Baseline:  " + serial), show.out());
        assertTrue(show.out().contains("Sent:      940,584 bytes per step per worker (float32, uncompressed)"),
                show.out());
        assertTrue(show.out().contains("Again:     scalelab train --epochs 2 --steps-per-epoch 8 --strategy threads --threads 2"),
                show.out());
        assertEquals(2, show.out().lines().filter(line -> line.matches("\\s+[12]\\s+\\d\\.\\d{4}.*")).count(),
                "one row per epoch: " + show.out());
    }

    @Test
    void compareGivesEachRunsSpeedupAgainstItsNamedBaselineInTheFormatAsked() {
        CommandRun markdown = CommandRun.of("runs", "compare", serial, threads, "--format", "md", "--runs-dir", shared.toString());
        assertEquals(0, markdown.exitCode(), markdown.err());
        assertTrue(markdown.outLines().get(0).startsWith("| Run | Configuration |"), markdown.out());
        assertTrue(markdown.outLines().get(3).contains("threads 1P×2T") && markdown.outLines().get(3).contains(serial + " · "),
                markdown.out());
        CommandRun csv = CommandRun.of("runs", "compare", threads, "--format", "csv", "--runs-dir", shared.toString());
        assertTrue(csv.outLines().get(0).startsWith("run,configuration,train_seconds,images_per_second,speedup"), csv.out());
        CommandRun unknown = CommandRun.of("runs", "compare", threads, "--format", "docx", "--runs-dir", shared.toString());
        assertEquals(CliErrors.USAGE, unknown.exitCode());
        assertTrue(unknown.oneErrorLine().contains("expected one of txt, md, csv, tex, html but was 'docx'"), unknown.err());
    }

    @Test
    void deleteChecksEveryIdBeforeDeletingAny() throws IOException {
        Path runs = copy();
        CommandRun typo = CommandRun.of("runs", "delete", serial, "no-such-run", "--runs-dir", runs.toString());
        assertEquals(CliErrors.FAILED, typo.exitCode());
        assertEquals("error: no run no-such-run in " + runs, typo.oneErrorLine());
        assertEquals(2, new RunStore(runs).list().records().size(), "nothing deleted");

        CommandRun delete = CommandRun.of("runs", "delete", serial, "--runs-dir", runs.toString());
        assertEquals(0, delete.exitCode(), delete.err());
        assertEquals(List.of(threads), new RunStore(runs).list().records().stream().map(RunRecord::runId).toList());
    }

    @Test
    void traceWritesTheTimelineAsAChromeTraceWithOneTrackPerWorker() throws IOException {
        Path file = dir.resolve("timeline.json");
        CommandRun trace = CommandRun.of("runs", "trace", threads, "--out", file.toString(), "--runs-dir", shared.toString());
        assertEquals(0, trace.exitCode(), trace.err());
        assertTrue(trace.lastOutLine().endsWith(file + " (open it in ui.perfetto.dev or chrome://tracing)"), trace.out());
        JsonNode json = Json.mapper().readTree(file.toFile());
        assertEquals(16, json.get("otherData").get("steps").asInt());
        assertEquals(2, java.util.stream.StreamSupport.stream(json.get("traceEvents").spliterator(), false)
                .filter(event -> event.get("name").asText().equals("thread_name")).count());

        CommandRun noFolder = CommandRun.of("runs", "trace", threads, "--out", dir.resolve("no/such/t.json").toString(),
                "--runs-dir", shared.toString());
        assertEquals(CliErrors.USAGE, noFolder.exitCode());
        assertTrue(noFolder.oneErrorLine().contains("does not exist"), noFolder.err());
    }

    @Test
    void exportWritesTheWorkbenchsReportChartsTablesOnePdfAndTheRecords() throws Exception {
        Path report = dir.resolve("report");
        CommandRun export = CommandRun.of("runs", "export", serial, threads, "--out", report.toString(),
                "--runs-dir", shared.toString());
        assertEquals(0, export.exitCode(), export.err());
        for (ChartKind kind : ChartKind.values()) {
            for (String extension : List.of("png", "svg", "pdf")) {
                assertTrue(Files.size(report.resolve("charts/" + kind.fileName() + "." + extension)) > 1_000,
                        kind + "." + extension);
            }
        }
        assertTrue(Files.readString(report.resolve("tables/scaling.md")).contains("| threads 1P×2T |"));
        assertTrue(Files.readString(report.resolve("tables/runs.csv")).startsWith("run_id,started,state,name"));
        try (var records = Files.list(report.resolve("runs"))) {
            assertEquals(4, records.count(), "each run's summary and event log");
        }
        // poppler-utils, installed by .ci/run, reads the one PDF back: its text page, then a page per chart.
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v pdftotext").start().waitFor() == 0,
                "pdftotext (poppler-utils) is not installed: the PDF was written but not read back");
        String text = run("pdftotext", report.resolve("report.pdf").toString(), "-");
        assertTrue(text.contains("Scaling") && text.contains("threads 1Px2T") && text.contains(serial) && !text.contains("?"),
                text);
        String info = run("pdfinfo", report.resolve("report.pdf").toString());
        assertTrue(info.matches("(?s).*Pages:\\s+" + (1 + ChartKind.values().length) + "\\s.*"), info);
    }

    @Test
    void exportWritesOnlyTheFormatsAsked() throws IOException {
        Path report = dir.resolve("csv-only");
        assertEquals(0, CommandRun.of("runs", "export", threads, "--out", report.toString(), "--formats", "csv",
                "--runs-dir", shared.toString()).exitCode());
        try (var files = Files.walk(report)) {
            assertEquals(List.of("runs.csv", "scaling.csv"), files.filter(Files::isRegularFile)
                    .filter(file -> !file.getParent().endsWith("runs")).map(file -> file.getFileName().toString())
                    .sorted().toList());
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output;
    }
}
