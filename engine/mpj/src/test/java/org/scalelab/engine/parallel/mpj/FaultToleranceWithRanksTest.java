package org.scalelab.engine.parallel.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.cli.Main;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.events.RanksFailed;
import org.scalelab.engine.events.RunResumed;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.model.WeightsFile;
import org.scalelab.engine.parallel.launch.ChildJvm;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunStore;

/**
 * Checkpoints, resuming and restarts with real MPJ ranks, through {@code scalelab train} as a user runs it: a
 * rank killed or hung by {@code --inject-fault} fails the run in one line, or, with {@code --restart-on-failure},
 * is relaunched from the checkpoint and the run finishes every epoch; either way no rank is left behind.
 */
class FaultToleranceWithRanksTest {
    @TempDir
    Path folder;

    private record Result(int exit, String out, String err) {
        JsonNode json() throws IOException {
            assertEquals(0, exit, err);
            return Json.mapper().readTree(out.strip().lines().reduce((first, second) -> second).orElseThrow());
        }
    }

    private Result scalelab(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ChildJvm.javaBinary(), "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", Main.class.getName()));
        command.addAll(args);
        Process app = new ProcessBuilder(command).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(app.getErrorStream()));
        String out = read(app.getInputStream());
        assertTrue(app.waitFor(180, TimeUnit.SECONDS), "scalelab did not end: " + args);
        return new Result(app.exitValue(), out, err.get());
    }

    private static String read(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path runs() {
        return folder.resolve("runs");
    }

    /**
     * Two ranks, two epochs of six steps of a small MLP with dropout, trained by Adam: a restart is quick and the
     * checkpoint small, and holds every kind of state (parameters, moments, the dropout layer's random stream).
     */
    private List<String> train(String... more) throws IOException {
        return trainWith("mpj", more);
    }

    /** As {@link #train(String...)} with another strategy of two ranks: a pipeline's are its two stages. */
    private List<String> trainWith(String strategy, String... more) throws IOException {
        Path model = folder.resolve("small-mlp.json");
        Files.writeString(model, """
                {"name": "small-mlp", "input": {"channels": 1, "height": 28, "width": 28, "image": true},
                 "layers": [{"type": "flatten"}, {"type": "dense", "units": 32}, {"type": "relu"},
                            {"type": "dropout", "rate": 0.2}, {"type": "dense", "units": 10}]}
                """);
        List<String> args = new ArrayList<>(List.of("train", "--strategy", strategy, "--procs", "2", "--model",
                model.toString(), "--epochs", "2", "--steps-per-epoch", "6", "--seed", "3", "--runs-dir",
                runs().toString(), "--optimizer", "adam", "--json"));
        args.addAll(List.of(more));
        return args;
    }

    /** Ranks are started with the run's checkpoint path among their arguments, so ours name this folder. */
    private void assertNoRankLeft() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<ProcessHandle> left;
        do {
            left = ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("")
                    .contains(RankMain.class.getName()) && p.info().commandLine().orElse("").contains(folder.toString()))
                    .toList();
            Thread.sleep(50);
        } while (!left.isEmpty() && System.nanoTime() < deadline);
        assertTrue(left.isEmpty(), "ranks left: " + left);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mpj", "pipeline"})
    void aKilledRankIsRelaunchedFromTheCheckpointAndTheRunFinishesEveryEpoch(String strategy) throws Exception {
        Result run = scalelab(trainWith(strategy, "--checkpoint-every", "1", "--inject-fault", "rank=1,step=9,kind=kill",
                "--restart-on-failure", "1"));

        JsonNode summary = run.json();
        assertEquals("finished", summary.get("status").asText());
        assertEquals(2, summary.get("epochs").asInt());
        RunRecord record = new RunStore(runs()).load(summary.get("runId").asText());
        assertEquals(RunStatus.FINISHED, record.status());
        assertEquals(List.of(1, 2), record.completedEpochs().stream().map(EpochCompleted::epoch).toList());
        RanksFailed failed = only(record, RanksFailed.class);
        assertTrue(failed.message().matches("(?s).*rank 1 \\(pid \\d+.*\\) exited with status 137.*"), failed.message());
        assertEquals(2, failed.epoch());
        RunResumed resumed = only(record, RunResumed.class);
        assertEquals(new RunResumed(1, 2, 2, 1, resumed.at()), resumed);
        assertTrue(record.events().indexOf(failed) < record.events().indexOf(resumed));
        assertNoRankLeft();
    }

    @Test
    void withoutRestartsAKilledRankFailsTheRunInOneLineAndLeavesNoRank() throws Exception {
        Result run = scalelab(train("--checkpoint-every", "1", "--inject-fault", "rank=1,step=9,kind=kill"));

        assertEquals(1, run.exit(), run.err());
        List<String> lines = run.err().strip().lines().filter(line -> line.contains("rank 1")).toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.get(0).matches("failed: rank 1 \\(pid \\d+\\) exited with status 137 \\(killed by SIGKILL\\)"),
                run.err());
        assertTrue(run.err().lines().noneMatch(line -> line.strip().startsWith("at ")), "no stack trace: " + run.err());
        JsonNode summary = Json.mapper().readTree(run.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertEquals("failed", summary.get("status").asText());
        assertEquals(1, summary.get("epochs").asInt());
        assertNoRankLeft();
    }

    @Test
    void aHungRankIsRelaunchedWithFewerRanksWhenMinProcsAllows() throws Exception {
        Result run = scalelab(train("--checkpoint-every", "1", "--inject-fault", "rank=1,step=9,kind=hang",
                "--rank-timeout", "5", "--restart-on-failure", "1", "--min-procs", "1"));

        JsonNode summary = run.json();
        assertEquals(2, summary.get("epochs").asInt());
        RunRecord record = new RunStore(runs()).load(summary.get("runId").asText());
        RanksFailed failed = only(record, RanksFailed.class);
        assertTrue(failed.message().contains("(limit --rank-timeout 5 s)"), failed.message());
        assertEquals(2, failed.epoch(), failed.message());
        RunResumed resumed = only(record, RunResumed.class);
        assertEquals(1, resumed.processes());
        assertEquals(1, resumed.afterEpoch());
        assertNoRankLeft();
    }

    /** A pipeline's checkpoint holds each stage's state: its layers, their moments and its dropout streams. */
    @ParameterizedTest
    @ValueSource(strings = {"mpj", "pipeline"})
    void aRunResumedFromEpochOneEndsWithinOneHundredThousandthOfOneThatRanThrough(String strategy) throws Exception {
        Path straight = folder.resolve("straight.slw");
        Path resumed = folder.resolve("resumed.slw");
        scalelab(trainWith(strategy, "--save-weights", straight.toString())).json();
        List<String> oneEpoch = trainWith(strategy, "--checkpoint-every", "1");
        oneEpoch.set(oneEpoch.indexOf("--epochs") + 1, "1");
        String runId = scalelab(oneEpoch).json().get("runId").asText();

        JsonNode summary = scalelab(List.of("train", "--resume", runId, "--epochs", "2", "--runs-dir", runs().toString(),
                "--save-weights", resumed.toString(), "--json")).json();

        assertEquals(2, summary.get("epochs").asInt());
        float[] expected = WeightsFile.read(straight);
        float[] actual = WeightsFile.read(resumed);
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5, "parameter " + i);
        }
        assertNoRankLeft();
    }

    private static <E> E only(RunRecord record, Class<E> type) {
        List<E> found = record.events().stream().filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, found.size(), type.getSimpleName() + " in " + record.events());
        return found.get(0);
    }
}
