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
import org.scalelab.engine.studies.StudyRunner;

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
    void aStudyThatDoesNotExistIsOneLine() {
        CommandRun run = CommandRun.of("study", "show", "nope", "--runs-dir", folder.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.oneErrorLine().startsWith("error: no study nope in "), run.err());
    }
}
