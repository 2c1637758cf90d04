package org.scalelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.bench.AllreduceBenchmark.Transport;
import org.scalelab.engine.events.Json;
import org.scalelab.engine.predict.ComputeProfile;
import org.scalelab.engine.predict.LayerFit;
import org.scalelab.engine.predict.LinearFit;
import org.scalelab.engine.predict.LinkCost;
import org.scalelab.engine.predict.MachineCalibration;
import org.scalelab.engine.predict.OverlapScalingTest;
import org.scalelab.engine.provenance.MachineDescription;

/**
 * {@code scalelab predict} on a calibration of this machine written by hand (mlp-235k at 0.1 ms per image, niodev at
 * 100 µs and 1 GB/s), so that its figures are known without minutes of measuring.
 */
class PredictCommandTest {
    @TempDir
    Path dir;
    private Path calibration;

    @BeforeEach
    void writeCalibration() throws IOException {
        calibration = dir.resolve("calibration.json");
        calibrationFor(MachineDescription.current()).save(calibration);
    }

    @Test
    void jsonEndsWithOnePredictionPerConfigurationUnderTheIssuesNames() throws IOException {
        CommandRun run = CommandRun.of("predict", "--calibration", calibration.toString(), "--model", "mlp-235k",
                "--strategy", "mpj", "--procs", "1,2,4", "--threads", "1", "--allreduce", "ring", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = Json.mapper().readTree(run.lastOutLine());
        JsonNode predictions = report.get("predictions");
        assertEquals(3, predictions.size());
        for (String field : List.of("procs", "threads", "hosts", "stepSeconds", "computeSeconds", "communicationSeconds",
                "waitSeconds", "imagesPerSecond", "speedup", "efficiency")) {
            assertTrue(predictions.get(0).has(field), field);
        }
        JsonNode two = predictions.get(1);
        assertEquals(2, two.get("procs").asInt());
        // 32 images at 0.1 ms; ring of 2 over 235,146 floats: 2·(100 µs + 470,292 B·1 ns)
        assertEquals(3.2e-3, two.get("computeSeconds").asDouble(), 1e-9);
        assertEquals(2 * (100e-6 + 470_292e-9), two.get("communicationSeconds").asDouble(), 1e-9);
        assertEquals(calibration.toString(), report.get("calibration").get("file").asText());
    }

    /** `predict --strategy threads` alone once failed on the processes' default: "--procs 2: expected 1". */
    @Test
    void eachStrategyVariesItsOwnWorkerCountByDefault() throws IOException {
        for (String strategy : List.of("threads", "mpj", "serial")) {
            CommandRun run = CommandRun.of("predict", "--calibration", calibration.toString(), "--model", "mlp-235k",
                    "--strategy", strategy, "--json");
            assertEquals(0, run.exitCode(), run.err());
            List<String> counts = new ArrayList<>();
            Json.mapper().readTree(run.lastOutLine()).get("predictions")
                    .forEach(p -> counts.add(p.get("procs").asInt() + "×" + p.get("threads").asInt()));
            assertEquals(switch (strategy) {
                case "threads" -> List.of("1×1", "1×2", "1×4", "1×8");
                case "mpj" -> List.of("1×1", "2×1", "4×1", "8×1");
                default -> List.of("1×1");
            }, counts, strategy);
        }
    }

    @Test
    void textSaysWhichCalibrationItUsedAndWhereCommunicationOvertakesCompute() {
        CommandRun run = CommandRun.of("predict", "--calibration", calibration.toString(), "--model", "mlp-235k",
                "--strategy", "mpj", "--procs", "2,8", "--hosts", "4", "--network", "10gbe", "--cores-per-host", "2");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Calibration: " + calibration + ", measured 2026-12-04T00:00:00Z on "), run.out());
        assertTrue(run.out().contains("mlp-235k, mpj, batch 64 (strong scaling), network 10gbe; times in ms per step"), run.out());
        assertTrue(run.outLines().stream().anyMatch(line -> line.matches("8\\s+1\\s+4\\s.*")), "8 ranks on 4 hosts:\n" + run.out());
        assertTrue(run.out().contains("T = 1: communication overtakes compute at "), run.out());
    }

    @Test
    void averagingOncePerEpochSpreadsItOverTheEpochsSteps() throws IOException {
        // 8,000 images in steps of 64: 125 steps; one ring of 2 over 235,146 floats: 2·(100 µs + 470,292 B·1 ns)
        CommandRun run = CommandRun.of("predict", "--calibration", calibration.toString(), "--model", "mlp-235k",
                "--strategy", "param-avg", "--procs", "2", "--allreduce", "ring", "--average-every", "0",
                "--epoch-images", "8000", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode two = Json.mapper().readTree(run.lastOutLine()).get("predictions").get(0);
        assertEquals(2 * (100e-6 + 470_292e-9) / 125, two.get("communicationSeconds").asDouble(), 1e-12);
    }

    @Test
    void anotherMachinesCalibrationIsRefused() throws IOException {
        calibrationFor(new MachineDescription("Some other CPU", 64, 256, "Linux", "Java 17", 0)).save(calibration);
        String error = CommandRun.of("predict", "--calibration", calibration.toString()).oneErrorLine();
        assertTrue(error.startsWith("error: calibration " + calibration + " was measured on another machine (Some other CPU, "
                + "64 logical cores, not "), error);
        assertTrue(error.endsWith("): run scalelab predict calibrate here"), error);
    }

    @Test
    void badOptionsAreOneLine() {
        assertEquals("error: --cores-per-host 0.0: expected a number > 0", CommandRun.of("predict", "--calibration",
                calibration.toString(), "--cores-per-host", "0").oneErrorLine());
        assertEquals("error: --warmup 0: expected an integer ≥ 1", CommandRun.of("predict", "--calibration",
                calibration.toString(), "--validate", "--warmup", "0").oneErrorLine());
        assertEquals("error: --network 40gbe: expected loopback, 1gbe, 10gbe, 25gbe or 100gb-ib",
                CommandRun.of("predict", "--calibration", calibration.toString(), "--network", "40gbe").oneErrorLine());
        assertEquals("error: --procs 5: 2 hosts × 2 slots hold 4 ranks", CommandRun.of("predict", "--calibration",
                calibration.toString(), "--procs", "5", "--hosts", "2", "--slots", "2").oneErrorLine());
        assertEquals("error: --procs 2: expected 1 with strategy threads", CommandRun.of("predict", "--calibration",
                calibration.toString(), "--strategy", "threads", "--procs", "2").oneErrorLine());
        assertEquals("error: --average-every -1: expected local steps ≥ 1, or 0 for once per epoch", CommandRun.of("predict",
                "--calibration", calibration.toString(), "--average-every", "-1").oneErrorLine());
        assertEquals("error: --validate true: measures param-avg with --average-every 1 and no --via-master only",
                CommandRun.of("predict", "--calibration", calibration.toString(), "--strategy", "param-avg",
                        "--average-every", "0", "--validate").oneErrorLine());
        assertEquals("error: --scaling weak: expected strong with strategy pipeline: its stages share every batch",
                CommandRun.of("predict", "--calibration", calibration.toString(), "--strategy", "pipeline",
                        "--scaling", "weak", "--procs", "2").oneErrorLine(), "train refuses it: nothing to predict or measure");
    }

    /** A pipeline's process count is its stages: predict takes train's name for it. */
    @Test
    void stagesNameAPipelinesProcesses() throws IOException {
        Path layerTimes = OverlapScalingTest.savedCalibration(Files.createDirectories(dir.resolve("layer-times")));
        CommandRun stages = CommandRun.of("predict", "--calibration", layerTimes.toString(), "--strategy", "pipeline",
                "--stages", "2", "--microbatches", "8", "--json");
        CommandRun procs = CommandRun.of("predict", "--calibration", layerTimes.toString(), "--strategy", "pipeline",
                "--procs", "2", "--microbatches", "8", "--json");
        assertEquals(0, stages.exitCode(), stages.err());
        assertEquals(procs.out(), stages.out());
        assertTrue(stages.out().contains("\"procs\":2"), stages.out());
    }

    @Test
    void aHostFileThatCannotDescribeAClusterIsOneLine() throws IOException {
        Path one = Files.writeString(dir.resolve("one-host"), "127.0.0.1\n");
        assertEquals("error: --host-file " + one + ": expected two or more different hosts, one per line",
                CommandRun.of("predict", "--calibration", calibration.toString(), "--host-file", one.toString()).oneErrorLine());
        Path uneven = Files.writeString(dir.resolve("uneven"), "127.0.0.1 slots=2\n127.0.0.2\n");
        assertEquals("error: --host-file " + uneven + ": expected the same slots on every host, as the model places ranks evenly",
                CommandRun.of("predict", "--calibration", calibration.toString(), "--host-file", uneven.toString()).oneErrorLine());
        Path two = Files.writeString(dir.resolve("two"), "127.0.0.1\n127.0.0.2\n");
        assertEquals("error: --host-file " + two + ": gives the hosts and their slots: leave out --hosts and --slots",
                CommandRun.of("predict", "--calibration", calibration.toString(), "--host-file", two.toString(), "--hosts", "2")
                        .oneErrorLine());
        Path missing = dir.resolve("missing");
        assertTrue(CommandRun.of("predict", "--calibration", calibration.toString(), "--host-file", missing.toString())
                .oneErrorLine().contains(missing + ": there is no such file"));
    }

    @Test
    void validateTrainsWhatThisMachineCanRunAndSetsItBesideThePrediction() throws IOException {
        CommandRun run = CommandRun.of("predict", "--calibration", calibration.toString(), "--model", "mlp-235k",
                "--strategy", "threads", "--procs", "1", "--threads", "1,2", "--validate", "--steps", "3", "--warmup", "2",
                "--repeats", "1",
                "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = Json.mapper().readTree(run.lastOutLine());
        JsonNode validation = report.get("validation");
        assertEquals(2, validation.size());
        for (JsonNode check : validation) {
            double predicted = check.get("predictedImagesPerSecond").asDouble();
            double measured = check.get("measuredImagesPerSecond").asDouble();
            assertTrue(measured > 0, check.toString());
            assertEquals((predicted - measured) / measured, check.get("error").asDouble(), 1e-9);
            double predictedSpeedup = check.get("predictedSpeedup").asDouble();
            double measuredSpeedup = check.get("measuredSpeedup").asDouble();
            assertTrue(measuredSpeedup > 0, check.toString());
            assertEquals((predictedSpeedup - measuredSpeedup) / measuredSpeedup, check.get("speedupError").asDouble(), 1e-9);
            assertFalse(check.has("failure"), check.toString());
        }
        assertTrue(report.get("medianAbsoluteError").asDouble() >= 0);
        assertTrue(report.get("medianAbsoluteSpeedupError").asDouble() >= 0);
        assertTrue(run.err().contains("measuring mlp-235k on mnist-mini, threads 1×2"), run.err());
    }

    @Test
    void validatingSerialAloneSaysThereIsNoSpeedupToCheck() {
        CommandRun run = CommandRun.of("predict", "--calibration", calibration.toString(), "--model", "mlp-235k",
                "--strategy", "serial", "--validate", "--steps", "3", "--warmup", "1", "--repeats", "1"); // no counts given
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("of images/s, no speedup to check (serial is the baseline)"), run.out());
        assertFalse(run.out().contains("NaN"), run.out());
    }

    /** mlp-235k at 0.1 ms per image, every transport at 100 µs and 1 GB/s. */
    static MachineCalibration calibrationFor(MachineDescription machine) {
        ComputeProfile mlp = new ComputeProfile("mlp-235k", 235_146,
                List.of(new LayerFit("dense", new LinearFit(0, 1e-4), 0)), new LinearFit(0, 0));
        Map<Transport, LinkCost> transports = new EnumMap<>(Transport.class);
        for (Transport transport : Transport.values()) {
            transports.put(transport, new LinkCost(100e-6, 1e-9, 0));
        }
        return new MachineCalibration(machine, "2026-12-04T00:00:00Z", Map.of("mlp-235k", mlp), transports, 0);
    }
}
