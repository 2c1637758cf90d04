package org.scalelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.StepCompleted;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunStore;

/** A loss that overflows ends the run as failed, saying where and why, never as "Finished". */
class DivergenceTest {
    @TempDir
    Path runs;

    @ParameterizedTest
    @ValueSource(strings = {"serial", "threads"})
    void aHugeLearningRateEndsTheRunAsDivergedNotFinished(String strategy) throws Exception {
        CommandRun run = CommandRun.of("train", "--lr", "1e30", "--strategy", strategy, "--threads",
                strategy.equals("serial") ? "1" : "2", "--json", "--runs-dir", runs.toString());

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().matches("(?s).*failed: diverged at step \\d+ \\(epoch 1, step \\d+\\): the loss became "
                + "(NaN|infinite); the learning rate 1.0E30 is probably too large, try a smaller --lr.*"), run.err());
        assertFalse(run.out().contains("Finished") || run.out().contains("NaN"), run.out());
        JsonNode result = Json.mapper().readTree(run.lastOutLine());
        assertEquals("failed", result.get("status").asText());

        RunRecord record = new RunStore(runs).load(result.get("runId").asText());
        assertEquals(RunStatus.FAILED, record.status());
        assertTrue(record.events().stream().filter(StepCompleted.class::isInstance).map(StepCompleted.class::cast)
                .allMatch(step -> Double.isFinite(step.loss())), "no NaN step reaches the record");
        String json = Files.readString(Path.of(result.get("recordPath").asText()));
        assertFalse(json.matches("(?s).*:\\s*\"?(NaN|-?Infinity).*"), "a number field holds NaN: " + json);
    }
}
