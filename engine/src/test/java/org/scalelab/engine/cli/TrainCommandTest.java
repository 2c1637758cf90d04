package org.scalelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scalelab.engine.config.TrainingOption;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.events.RunStarted;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.provenance.Provenance;
import org.scalelab.engine.provenance.ScaleLabBuild;
import org.scalelab.engine.runs.RunRecord;
import org.scalelab.engine.runs.RunStore;

class TrainCommandTest {
    @TempDir
    Path dir;

    /** A small MLP as an architecture file: fast, and it exercises --model FILE. */
    private String smallModel() throws IOException {
        Path file = dir.resolve("small-mlp.json");
        Files.writeString(file, """
                {"name": "small-mlp", "input": {"channels": 1, "height": 28, "width": 28, "image": true},
                 "layers": [{"type": "flatten"}, {"type": "dense", "units": 32}, {"type": "relu"},
                            {"type": "dense", "units": 10}]}
                """);
        return file.toString();
    }

    @Test
    void trainsPrintsAnEpochLineEachAndEndsWithOneJsonLine() throws IOException {
        Path runs = dir.resolve("runs");
        CommandRun run = CommandRun.of("train", "--dataset", "mnist-mini", "--model", smallModel(), "--epochs", "2",
                "--batch", "64", "--lr", "0.05", "--optimizer", "momentum", "--seed", "3", "--runs-dir", runs.toString(),
                "--json");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.outLines().get(0).matches("Run \\S+-small-mlp-mnist-mini-\\p{XDigit}{4}: small-mlp \\(25,450 parameters\\) "
                + "on mnist-mini \\(8,000 train / 2,000 test images\\), serial, momentum lr 0.05, batch 64, 2 epochs, seed 3"),
                run.outLines().get(0));
        assertTrue(run.outLines().get(1).matches("ScaleLab \\S+, commit (\\p{XDigit}{12}|unknown), dataset sha256:\\p{XDigit}{12}"),
                run.outLines().get(1));
        assertTrue(run.outLines().get(2).startsWith("epoch 1/2  train loss "), run.out());
        assertTrue(run.outLines().get(3).startsWith("epoch 2/2  train loss "), run.out());

        JsonNode result = Json.mapper().readTree(run.lastOutLine());
        for (String field : new String[] {"runId", "status", "epochs", "trainSeconds", "imagesPerSecond", "testAccuracy",
                "testLoss", "recordPath"}) {
            assertTrue(result.has(field), field + " missing from " + result);
        }
        assertEquals("finished", result.get("status").asText());
        assertEquals(2, result.get("epochs").asInt());
        assertTrue(result.get("testAccuracy").asDouble() > 0.85, result.toString());

        RunRecord record = new RunStore(runs).load(result.get("runId").asText());
        assertEquals(RunStatus.FINISHED, record.status());
        String mnistMini = new DatasetCatalog(dir.resolve("data"), dir.resolve("none")).load("mnist-mini").checksum();
        assertEquals(new Provenance(ScaleLabBuild.version(), ScaleLabBuild.commit(), mnistMini),
                ((RunStarted) record.events().get(0)).provenance());
        assertEquals(runs.resolve(record.runId() + ".json").toString(), result.get("recordPath").asText());
        assertTrue(run.err().contains("epoch 2/2 100%"), "the progress bar goes to stderr: " + run.err());
    }

    @Test
    void helpListsEveryTrainingOptionWithItsDefault() {
        CommandRun run = CommandRun.of("train", "--help");
        // Picocli may wrap inside a long word (at a comma, before an exponent), so whitespace is not compared.
        String help = run.out().replaceAll("\\s+", "");
        for (TrainingOption<?> option : TrainingOptions.ALL) {
            String description = TrainingOptionsCli.description(option);
            // A flag on by default is listed with its off form: --[no-]error-feedback.
            String name = option.type().isFlag() && Boolean.TRUE.equals(option.defaultValue())
                    ? "--[no-]" + option.cliName().substring(2) : option.cliName();
            assertTrue(help.contains(name), name + " missing from: " + run.out());
            assertTrue(help.contains(description.replaceAll("\\s+", "")), description + " missing from: " + run.out());
            if (!option.type().isFlag() && !option.defaultText().isEmpty()) {
                assertTrue(description.endsWith("Default: " + option.defaultText() + "."), description);
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--epochs abc       | 2 | error: Invalid value for option '--epochs': 'abc': expected an integer (see: scalelab train --help)",
            "--batch 0          | 2 | error: --batch 0: expected an integer ≥ 1",
            "--lr -0.1          | 2 | error: --lr -0.1: expected a number > 0",
            "--momentum 1.5     | 2 | error: --momentum 1.5: expected a number in [0, 1)",
            "--threads 2        | 2 | error: --threads 2: expected 1 with strategy serial",
            "--strategy allreduce | 2 | error: Invalid value for option '--strategy': 'allreduce': expected one of serial, intra-op, threads, mpj, hybrid, mpj-multicore, param-avg, async, pipeline (see: scalelab train --help)",
            "--strategy threads --threads 2 --via-master | 2 | error: --via-master true: applies to strategy param-avg only",
            "--strategy intra-op --processes 2 | 2 | error: --procs 2: expected 1 with strategy intra-op",
            "--optimizer rmsprop | 2 | error: Invalid value for option '--optimizer': 'rmsprop': expected one of sgd, momentum, adam (see: scalelab train --help)",
            "--epoch 3          | 2 | error: Unknown options: '--epoch', '3' (see: scalelab train --help)",
            "--model nope       | 2 | error: --model nope: expected a preset (mlp-235k, cnn-1m, lenet5, cnn-bn, cnn-32, tinycnn-8) or an architecture file",
            "--model /gone/mine.json | 2 | error: --model /gone/mine.json: file not found",
            "--dataset imagenet | 1 | error: unknown dataset 'imagenet'; known: mnist-mini, mnist, fashion-mnist, cifar10, synthetic-cifar",
            "--compress topk:0  | 2 | error: Invalid value for option '--compress': 'topk:0': expected none, fp16, int8 or topk:FRACTION with 0 < FRACTION ≤ 1 (see: scalelab train --help)",
            "--compress topk:2  | 2 | error: Invalid value for option '--compress': 'topk:2': expected none, fp16, int8 or topk:FRACTION with 0 < FRACTION ≤ 1 (see: scalelab train --help)",
            "--compress topk    | 2 | error: Invalid value for option '--compress': 'topk': expected none, fp16, int8 or topk:FRACTION with 0 < FRACTION ≤ 1 (see: scalelab train --help)",
            "--compress zip     | 2 | error: Invalid value for option '--compress': 'zip': expected none, fp16, int8 or topk:FRACTION with 0 < FRACTION ≤ 1 (see: scalelab train --help)",
            "--strategy param-avg --threads 2 --compress fp16 | 2 | error: --compress fp16: compresses gradients; strategy param-avg exchanges parameters",
    })
    void invalidOptionsGiveOneLineNamingTheOption(String args, int exitCode, String message) {
        CommandRun run = CommandRun.of(("train --runs-dir " + dir + " " + args.strip()).split(" +"));
        assertEquals(exitCode, run.exitCode(), run.err());
        assertEquals(message, run.oneErrorLine());
        assertEquals("", run.out());
    }

    @Test
    void aModelThatDoesNotFitTheDataIsOneLine() throws IOException {
        Path file = dir.resolve("colour.json");
        Files.writeString(file, """
                {"name": "cnn-1m", "input": {"channels": 3, "height": 32, "width": 32, "image": true},
                 "layers": [{"type": "flatten"}, {"type": "dense", "units": 10}]}
                """);
        CommandRun run = CommandRun.of("train", "--model", file.toString(), "--runs-dir", dir.toString());
        assertEquals(2, run.exitCode());
        assertEquals("error: --model cnn-1m: expects 3×32×32 images but mnist-mini has 1×28×28", run.oneErrorLine());
    }

    @Test
    void aFaultyArchitectureFileIsOneLine() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"name\": \"broken\", \"layers\": [");
        CommandRun run = CommandRun.of("train", "--model", file.toString(), "--runs-dir", dir.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.oneErrorLine().startsWith("error: " + file + ": not valid JSON at line 1"), run.err());
    }
}
