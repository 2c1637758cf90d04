package org.scalelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.events.RunResumed;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunStore;

/** {@code train --checkpoint-every} and {@code train --resume}: a run stopped and resumed ends where it would have. */
class ResumeCommandTest {
    @TempDir
    Path dir;

    private Path runs() {
        return dir.resolve("runs");
    }

    /** A short run of a small MLP with dropout (whose generator must resume too) and Adam (whose steps count). */
    private List<String> trainArgs(String... more) throws IOException {
        Path model = dir.resolve("small-mlp.json");
        Files.writeString(model, """
                {"name": "small-mlp", "input": {"channels": 1, "height": 28, "width": 28, "image": true},
                 "layers": [{"type": "flatten"}, {"type": "dense", "units": 24}, {"type": "relu"},
                            {"type": "dropout", "rate": 0.2}, {"type": "dense", "units": 10}]}
                """);
        List<String> args = new ArrayList<>(List.of("train", "--dataset", "mnist-mini", "--model", model.toString(),
                "--steps-per-epoch", "12", "--lr", "0.01", "--optimizer", "adam", "--augment",
                "--seed", "5", "--runs-dir", runs().toString(), "--json"));
        args.addAll(List.of(more));
        return args;
    }

    private static JsonNode result(CommandRun run) throws IOException {
        assertEquals(0, run.exitCode(), run.err());
        return Json.mapper().readTree(run.lastOutLine());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"serial", "threads"})
    void aRunResumedFromEpochOneEndsOnTheSameWeightsAsOneThatRanThrough(String strategy) throws IOException {
        Path straight = dir.resolve(strategy + "-straight.slw");
        Path resumed = dir.resolve(strategy + "-resumed.slw");
        String threads = strategy.equals("threads") ? "2" : "1";
        result(CommandRun.of(trainArgs("--strategy", strategy, "--threads", threads, "--epochs", "2",
                "--save-weights", straight.toString()).toArray(String[]::new)));
        String runId = result(CommandRun.of(trainArgs("--strategy", strategy, "--threads", threads, "--epochs", "1",
                "--checkpoint-every", "1").toArray(String[]::new))).get("runId").asText();

        CommandRun resume = CommandRun.of("train", "--resume", runId, "--epochs", "2", "--runs-dir", runs().toString(),
                "--save-weights", resumed.toString(), "--json");

        JsonNode summary = result(resume);
        assertEquals(runId, summary.get("runId").asText());
        assertEquals(2, summary.get("epochs").asInt());
        // Bit for bit: the checkpoint holds all the state, and the randomness follows from the seed and the epoch.
        assertArrayEquals(Files.readAllBytes(straight), Files.readAllBytes(resumed));
        RunRecord record = new RunStore(runs()).load(runId);
        assertEquals(RunStatus.FINISHED, record.status());
        assertEquals(2, record.summary().epochs());
        assertEquals(List.of(1, 2), record.completedEpochs().stream().map(EpochCompleted::epoch).toList());
        RunResumed event = record.events().stream().filter(RunResumed.class::isInstance).map(RunResumed.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no resumed event in " + record.events()));
        assertEquals(1, event.afterEpoch());
        assertEquals(2, event.epochs());
        assertTrue(!event.afterFailure());
        assertEquals(2, record.config().schedule().epochs());
    }

    @Test
    void anUnknownRunIsOneLine() {
        CommandRun run = CommandRun.of("train", "--resume", "no-such-run", "--runs-dir", runs().toString());

        assertEquals(CliErrors.FAILED, run.exitCode());
        assertTrue(run.oneErrorLine().startsWith("error: no run no-such-run in "), run.err());
    }

    @Test
    void aRunWithoutCheckpointIsOneLine() throws IOException {
        String runId = result(CommandRun.of(trainArgs("--epochs", "1").toArray(String[]::new))).get("runId").asText();

        CommandRun run = CommandRun.of("train", "--resume", runId, "--epochs", "2", "--runs-dir", runs().toString());

        assertEquals(CliErrors.FAILED, run.exitCode());
        assertTrue(run.oneErrorLine().matches("error: run " + runId + " has no checkpoint to resume from \\(.*"
                + "train with --checkpoint-every N to write one\\)"), run.err());
    }

    @Test
    void aCheckpointOfAnotherConfigurationIsOneLine() throws IOException {
        String first = result(CommandRun.of(trainArgs("--epochs", "1", "--checkpoint-every", "1")
                .toArray(String[]::new))).get("runId").asText();
        String second = result(CommandRun.of(trainArgs("--epochs", "1", "--checkpoint-every", "1", "--batch", "32")
                .toArray(String[]::new))).get("runId").asText();
        RunStore store = new RunStore(runs());
        Files.copy(store.checkpointOf(first), store.checkpointOf(second), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        CommandRun run = CommandRun.of("train", "--resume", second, "--epochs", "2", "--runs-dir", runs().toString());

        assertEquals(CliErrors.FAILED, run.exitCode());
        assertTrue(run.oneErrorLine().contains("was written by a run of another configuration than run " + second
                + "'s: --batch 64 (not 32)"), run.err());
    }

    @Test
    void otherTrainingOptionsWithResumeAreAUsageError() {
        CommandRun run = CommandRun.of("train", "--resume", "any", "--batch", "32", "--runs-dir", runs().toString());

        assertEquals(CliErrors.USAGE, run.exitCode());
        assertTrue(run.oneErrorLine().contains("only --epochs may be given with it (not --batch)"), run.err());
    }

    @Test
    void aBadFaultIsOneLineNamingWhatIsWrong() {
        CommandRun run = CommandRun.of("train", "--strategy", "mpj", "--procs", "2", "--inject-fault",
                "rank=1,step=0,kind=kill", "--runs-dir", runs().toString());

        assertEquals(CliErrors.USAGE, run.exitCode());
        assertEquals("error: Invalid value for option '--inject-fault': 'rank=1,step=0,kind=kill': expected "
                + "rank=R,step=S,kind=kill|hang|slow:FACTOR (step must be ≥ 1, got 0) (see: scalelab train --help)",
                run.oneErrorLine());
    }
}
