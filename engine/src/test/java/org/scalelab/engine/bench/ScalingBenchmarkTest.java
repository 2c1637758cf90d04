package org.scalelab.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalelab.engine.config.AllreduceAlgorithm;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.Phase;
import org.scalelab.engine.events.WorkerPhases;
import org.scalelab.engine.runs.speedup.Speedup;
import org.scalelab.engine.runs.speedup.Throughput;
import org.scalelab.engine.training.CancellationToken;

class ScalingBenchmarkTest {
    @TempDir
    Path folder;

    @Test
    void eachCaseTrainsForRealBesideTheSerialBaseline() {
        List<String> progress = new ArrayList<>();
        var benchmark = new ScalingBenchmark(catalog(), progress::add, new CancellationToken());
        List<ScalingResult> results = benchmark.run(new ScalingBenchmark.Settings(List.of("mlp-235k"),
                List.of(ScalingCase.of(Strategy.THREADS, 2), ScalingCase.of(Strategy.INTRA_OP, 2)), null, 64, Scaling.STRONG, 4, 1, 1));

        assertEquals(List.of("mlp-235k on mnist-mini, serial 1×1", "mlp-235k on mnist-mini, threads 1×2",
                "mlp-235k on mnist-mini, intra-op 1×2", "mlp-235k on mnist-mini, serial 1×1"), progress);
        assertEquals(4, results.size());
        ScalingResult before = results.get(0);
        ScalingResult after = results.get(3);
        assertEquals(ScalingCase.SERIAL, before.scalingCase());
        assertEquals(ScalingCase.SERIAL, after.scalingCase());
        ScalingResult serial = before.imagesPerSecond() >= after.imagesPerSecond() ? before : after;
        assertEquals(1.0, serial.speedup(), 1e-12, "the faster serial run is the baseline");
        assertTrue(Math.min(before.speedup(), after.speedup()) <= 1.0);
        assertEquals(0.0, serial.msPerStep().get(Phase.COMMUNICATION));
        ScalingResult threads = results.get(1);
        assertTrue(threads.failure().isEmpty(), threads.failure().toString());
        assertTrue(threads.imagesPerSecond() > 0 && threads.speedup() > 0, threads.toString());
        assertEquals(threads.imagesPerSecond() / serial.imagesPerSecond(), threads.speedup(), 1e-9);
        assertEquals(threads.speedup() / 2, threads.efficiency(), 1e-9);
        assertTrue(threads.msPerStep().get(Phase.COMMUNICATION) > 0, "two threads sum their gradients: " + threads);
        assertTrue(threads.msPerStep().get(Phase.FORWARD) > 0 && threads.msPerStep().get(Phase.BACKWARD) > 0);
        assertTrue(!threads.msPerStep().containsKey(Phase.EVALUATION), "evaluation is not a training phase");
    }

    @Test
    void eachRoundIsComparedWithTheSerialRunsJustBeforeAndAfterIt() {
        List<String> progress = new ArrayList<>();
        var benchmark = new ScalingBenchmark(catalog(), progress::add, new CancellationToken());
        List<ScalingResult> results = benchmark.run(new ScalingBenchmark.Settings(List.of("mlp-235k"),
                List.of(ScalingCase.of(Strategy.THREADS, 2)), null, 64, Scaling.STRONG, 3, 1, 2));

        assertEquals(List.of("mlp-235k on mnist-mini, serial 1×1 (before round 1)",
                "mlp-235k on mnist-mini, threads 1×2 (round 1 of 2)", "mlp-235k on mnist-mini, serial 1×1 (after round 1)",
                "mlp-235k on mnist-mini, threads 1×2 (round 2 of 2)", "mlp-235k on mnist-mini, serial 1×1 (after round 2)"),
                progress);
        assertEquals(List.of(0, 1, 1, 2, 2), results.stream().map(ScalingResult::round).toList());
        double[] serial = {results.get(0).imagesPerSecond(), results.get(2).imagesPerSecond(), results.get(4).imagesPerSecond()};
        assertEquals(results.get(1).imagesPerSecond() / Math.max(serial[0], serial[1]), results.get(1).speedup(), 1e-12);
        assertEquals(results.get(3).imagesPerSecond() / Math.max(serial[1], serial[2]), results.get(3).speedup(), 1e-12);
        double fastest = Math.max(serial[0], Math.max(serial[1], serial[2]));
        assertEquals(serial[1] / fastest, results.get(2).speedup(), 1e-12, "serial runs against the fastest of them");

        List<RoundSpread> spreads = RoundSpread.of(results);
        assertEquals(2, spreads.size());
        RoundSpread threads = spreads.get(1);
        assertEquals(ScalingCase.of(Strategy.THREADS, 2), threads.scalingCase());
        assertEquals(2, threads.rounds());
        assertEquals((results.get(1).speedup() + results.get(3).speedup()) / 2, threads.medianSpeedup(), 1e-12);
        assertEquals(Math.min(results.get(1).speedup(), results.get(3).speedup()), threads.lowestSpeedup(), 1e-12);
        assertEquals(1.0, spreads.get(0).highestSpeedup(), 1e-12);
        double[] sorted = serial.clone();
        Arrays.sort(sorted);
        assertEquals(sorted[1] / fastest, spreads.get(0).medianSpeedup(), 1e-12, "the middle of three serial runs");
    }

    @Test
    void aCaseIsMeasuredByTheSharedSteadyThroughputAndSpeedup() {
        // A warm-up epoch, then timed epochs at 1000, 4000 and 2000 images/s: the median epoch (2000) is reported.
        List<EpochCompleted> epochs = List.of(epoch(1, 10.0, 1.0), epoch(2, 1.28, 1.0), epoch(3, 0.32, 8.0),
                epoch(4, 0.64, 2.0));
        ScalingCase threads = ScalingCase.of(Strategy.THREADS, 2);
        ScalingResult result = ScalingBenchmark.measured("m", "d", threads, epochs, 1, 64, 1);
        assertEquals(Throughput.of(epochs).imagesPerSecond(), result.imagesPerSecond());
        assertEquals(2000, result.imagesPerSecond(), 1e-9);
        assertEquals(2.0 * 1000 / 20, result.msPerStep().get(Phase.FORWARD), 1e-9, "the median epoch's 20 steps");

        ScalingResult compared = result.against(1600);
        assertEquals(Speedup.of(2000, 1600, 2), new Speedup(compared.speedup(), 2));
        assertEquals(0.625, compared.efficiency(), 1e-12, "1.25× on 2 cores");
    }

    /** Epochs after the warm-up ones are timed: a rank's new JVM is still slow in its second epoch. */
    @Test
    void onlyEpochsAfterEveryWarmUpEpochAreTimed() {
        // 128, then 4000, 1000, 2000 and 500 images/s
        List<EpochCompleted> epochs = List.of(epoch(1, 10.0, 1.0), epoch(2, 0.32, 1.0), epoch(3, 1.28, 1.0),
                epoch(4, 0.64, 1.0), epoch(5, 2.56, 1.0));
        ScalingCase ranks = ScalingCase.of(Strategy.MPJ, 2);
        assertEquals(2000, ScalingBenchmark.measured("m", "d", ranks, epochs, 1, 64, 1).imagesPerSecond(), 1e-9,
                "of 4000, 1000, 2000 and 500 the faster middle one");
        assertEquals(1000, ScalingBenchmark.measured("m", "d", ranks, epochs, 2, 64, 1).imagesPerSecond(), 1e-9,
                "of 1000, 2000 and 500");
    }

    /** An epoch of 1,280 images (20 steps of 64) that took {@code seconds}, {@code forward} of them forward. */
    private static EpochCompleted epoch(int number, double seconds, double forward) {
        return new EpochCompleted(number, 0.01, 1, 0.5, 1, 0.5, 1280, seconds, seconds, Double.NaN,
                List.of(new WorkerPhases(0, Map.of(Phase.FORWARD, forward))));
    }

    @Test
    void aSpreadLeavesOutFailedMeasurements() {
        var ok = new ScalingResult("m", "d", ScalingCase.of(Strategy.MPJ, 2), 100, 1.5, Map.of(), Optional.empty(), 1);
        var failed = ScalingResult.failed("m", "d", ScalingCase.of(Strategy.MPJ, 2), "rank 1 died", 2);
        var odd = new ScalingResult("m", "d", ScalingCase.of(Strategy.MPJ, 2), 120, 1.75, Map.of(), Optional.empty(), 3);

        List<RoundSpread> spreads = RoundSpread.of(List.of(ok, failed, odd));

        assertEquals(List.of(new RoundSpread("m", ScalingCase.of(Strategy.MPJ, 2), 2, 1.625, 1.5, 1.75, 110)), spreads);
    }

    @Test
    void aCancelledBenchmarkStopsBeforeTheNextCase() {
        CancellationToken cancellation = new CancellationToken();
        var benchmark = new ScalingBenchmark(catalog(), what -> cancellation.cancel(), cancellation);
        List<ScalingResult> results = benchmark.run(new ScalingBenchmark.Settings(List.of("mlp-235k"),
                List.of(ScalingCase.of(Strategy.THREADS, 2)), null, 64, Scaling.STRONG, 4, 1, 1));
        assertEquals(1, results.size(), "the serial run cancelled under way, and nothing after it");
        assertTrue(results.get(0).failure().isPresent(), "the case cancelled under way is reported as not measured");
    }

    @Test
    void idleLeavesOutWaitingForWorkerZerosEvaluation() {
        var zero = new WorkerPhases(0, Map.of(Phase.FORWARD, 1.0, Phase.EVALUATION, 0.5, Phase.IDLE, 0.1));
        var one = new WorkerPhases(1, Map.of(Phase.FORWARD, 1.0, Phase.IDLE, 0.7));
        Map<Phase, Double> perStep = ScalingBenchmark.msPerStep(List.of(zero, one), 10);
        assertEquals(100.0, perStep.get(Phase.FORWARD), 1e-9);
        assertEquals((0.1 + 0.2) / 2 * 1000 / 10, perStep.get(Phase.IDLE), 1e-9);
        assertEquals(0.0, perStep.get(Phase.DATA));
    }

    @Test
    void picksTheOfflineDatasetThatFitsTheModel() {
        assertEquals("mnist-mini", ScalingBenchmark.defaultDataset("mlp-235k"));
        assertEquals("synthetic-cifar", ScalingBenchmark.defaultDataset("cnn-1m"));
    }

    @Test
    void casesSpreadCoresOverThreadsOrProcesses() {
        assertEquals(new ScalingCase(Strategy.THREADS, 1, 2), ScalingCase.of(Strategy.THREADS, 2));
        assertEquals(new ScalingCase(Strategy.INTRA_OP, 1, 2), ScalingCase.of(Strategy.INTRA_OP, 2));
        assertEquals(new ScalingCase(Strategy.MPJ, 2, 1), ScalingCase.of(Strategy.MPJ, 2));
        assertEquals(new ScalingCase(Strategy.HYBRID, 1, 2), ScalingCase.of(Strategy.HYBRID, 2));
        assertEquals(new ScalingCase(Strategy.HYBRID, 2, 2), ScalingCase.of(Strategy.HYBRID, 4));
        assertEquals(ScalingCase.SERIAL, ScalingCase.of(Strategy.SERIAL, 4));
        assertEquals(4, ScalingCase.of(Strategy.HYBRID, 4).cores());
        assertEquals("mpj-multicore 2×1", ScalingCase.of(Strategy.MPJ_MULTICORE, 2).toString());
    }

    @Test
    void onlyCasesWhoseProcessesSumAcrossRanksTakeAnotherAllreduce() {
        assertEquals("mpj 2×1 ring-shm", ScalingCase.of(Strategy.MPJ, 2).withAllreduce(AllreduceAlgorithm.RING_SHM).toString());
        assertEquals("param-avg 2×1 builtin", ScalingCase.of(Strategy.PARAM_AVG, 2).withAllreduce(AllreduceAlgorithm.BUILTIN)
                .toString());
        assertEquals("mpj 2×1", ScalingCase.of(Strategy.MPJ, 2).withAllreduce(AllreduceAlgorithm.RING).toString());
        assertEquals(ScalingCase.of(Strategy.MPJ, 1), ScalingCase.of(Strategy.MPJ, 1).withAllreduce(AllreduceAlgorithm.RING_SHM),
                "one rank sums with nobody");
        assertEquals(ScalingCase.of(Strategy.THREADS, 2), ScalingCase.of(Strategy.THREADS, 2)
                .withAllreduce(AllreduceAlgorithm.RING_SHM));
        assertEquals(ScalingCase.of(Strategy.MPJ_MULTICORE, 2), ScalingCase.of(Strategy.MPJ_MULTICORE, 2)
                .withAllreduce(AllreduceAlgorithm.RING_SHM), "smpdev ranks are threads of one JVM");
    }

    @Test
    void aPipelineCaseTrainsWithItsMicrobatchesAndTablesNameThemWhenNotTheDefault() {
        ScalingCase eight = ScalingCase.of(Strategy.PIPELINE, 2).withMicrobatches(8);
        TrainingConfig trained = ScalingBenchmark.configFor(TrainingConfig.defaults(), eight, null);
        assertEquals(Strategy.PIPELINE, trained.parallelism().strategy());
        assertEquals(2, trained.parallelism().processes());
        assertEquals(8, trained.parallelism().microbatches());
        assertEquals("pipeline 2×1×8M", eight.toString());
        ScalingCase byDefault = ScalingCase.of(Strategy.PIPELINE, 2);
        assertEquals(TrainingOptions.MICROBATCHES.defaultValue(),
                ScalingBenchmark.configFor(TrainingConfig.defaults(), byDefault, null).parallelism().microbatches());
        assertEquals("pipeline 2×1", byDefault.toString(), "bench scaling's names stay as they were");
        assertEquals(byDefault, byDefault.withAllreduce(AllreduceAlgorithm.RING_SHM), "stages pass activations, no allreduce");
        assertEquals(ScalingCase.of(Strategy.MPJ, 2), ScalingCase.of(Strategy.MPJ, 2).withMicrobatches(8),
                "replicas take whole batches: microbatches do not make another case");
    }

    @Test
    void aModelWithoutAnOfflineDatasetAsksForOne() throws IOException {
        Path file = Files.writeString(folder.resolve("wide.json"), """
                {"name": "wide", "input": {"channels": 1, "height": 64, "width": 64},
                 "layers": [{"type": "flatten"}, {"type": "dense", "units": 10}]}""");
        ConfigException e = assertThrows(ConfigException.class, () -> ScalingBenchmark.defaultDataset(file.toString()));
        assertEquals("dataset", e.field());
        assertTrue(e.getMessage().contains("model wide takes"), e.getMessage());
    }

    private DatasetCatalog catalog() {
        return new DatasetCatalog(folder.resolve("cache"), folder.resolve("not-installed"));
    }
}
