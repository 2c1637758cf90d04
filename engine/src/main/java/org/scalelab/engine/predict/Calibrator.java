package org.scalelab.engine.predict;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;
import org.scalelab.engine.bench.AllreduceBenchmark;
import org.scalelab.engine.bench.AllreduceBenchmark.Transport;
import org.scalelab.engine.bench.AllreduceTiming;
import org.scalelab.engine.bench.LayerBenchmark;
import org.scalelab.engine.bench.ScalingBenchmark;
import org.scalelab.engine.bench.ScalingCase;
import org.scalelab.engine.bench.ScalingResult;
import org.scalelab.engine.bench.SideBySide;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.parallel.comm.BlockedAdd;
import org.scalelab.engine.provenance.MachineDescription;
import org.scalelab.engine.training.CancellationToken;
import org.scalelab.engine.training.Models;

/**
 * Measures what the model needs on this machine, with the benchmarks the {@code bench} commands run: every model's
 * layers at several batch sizes with one native thread, its step timed alone and beside a second worker
 * ({@link SideBySide}), short serial training runs
 * at two batch sizes and one with two native threads, the reduction cost γ, and allreduce sweeps over message
 * sizes for every transport.
 *
 * <p>The layers give the step's shape (which part grows how with the batch); the trainer's own serial runs give its
 * level and its threads' scaling. Timed one by one, a small model's layers add up to more than its step (2.18
 * against 0.69 ms for mlp-235k's): their parts are scaled down to the trained step then, and what training adds
 * beyond them (data, bookkeeping, events) is the rest. One worker of a parallel strategy takes longer than the serial
 * trainer on the same work (a rank of its own, a JVM MPJ starts, 1.2 to 1.7 times as long): each is trained with one
 * worker to measure it. Two native threads are measured by training too: in a JVM
 * started with two, {@code bench layers} ran cnn-1m at 0.68× of one thread where training with two ran it at 1.25×
 * (docs/SCALING-MODEL.md).
 *
 * <p>On one host a sweep cannot tell β from γ: in every algorithm ScaleLab runs, the bytes sent and the floats
 * summed grow alike with N and P. So each local transport's fit folds its summing into β (its γ is 0), and the γ
 * measured apart serves the links between hosts, whose β comes from a network preset.
 */
public final class Calibrator {

    /** Runs a synthetic step in a JVM with the given native threads (the cli's child JVMs, or this JVM in tests). */
    public interface Measurements {
        /** {@code bench layers} with one native thread. */
        LayerBenchmark.Result layers(String model, int batch) throws IOException, InterruptedException;

        /** {@code bench}'s synthetic step with one native thread, timed alone and beside a second worker, in turns. */
        SideBySide.Result sideBySide(String model, int batch) throws IOException, InterruptedException;
    }

    /** Told after each measurement: how many are done of how many, and what runs next. */
    public interface Progress {
        void update(int done, int total, String next);
    }

    /**
     * @param batches    batch sizes the layers are timed at (ascending); two native threads at the last
     * @param restBatches batch sizes of the short serial training runs
     * @param sizes      allreduce sweep's buffer lengths, floats
     * @param ranks      allreduce sweep's rank counts
     */
    public record Plan(List<String> models, List<Integer> batches, List<Integer> restBatches, List<Integer> sizes,
                       List<Integer> ranks, List<Transport> transports, int repeats) {

        /** The models the reference studies train. */
        public static final List<String> STANDARD_MODELS = List.of("mlp-235k", "cnn-1m");

        /** A few minutes on a two-core machine for two models. */
        public static Plan standard(List<String> models) {
            return new Plan(models, List.of(8, 16, 32, 64), List.of(16, 64), List.of(1_024, 16_384, 65_536, 235_146, 1_070_794),
                    List.of(2), List.of(Transport.values()), 10);
        }

        /** Measurements in all, for a progress bar. */
        public int measurements() {
            return models.size() * (batches.size() + 2 + restBatches.size()) + 1 + transports.size();
        }
    }

    private static final ScalingCase TWO_NATIVE_THREADS = new ScalingCase(Strategy.INTRA_OP, 1, 2);
    /** Intra-op with two native threads, and one worker of every strategy that has workers of its own. */
    private static final List<ScalingCase> ONE_WORKER_CASES = List.of(TWO_NATIVE_THREADS,
            new ScalingCase(Strategy.THREADS, 1, 1), new ScalingCase(Strategy.MPJ, 1, 1),
            new ScalingCase(Strategy.MPJ_MULTICORE, 1, 1), new ScalingCase(Strategy.HYBRID, 1, 1),
            new ScalingCase(Strategy.PARAM_AVG, 1, 1));
    /** A trained epoch lasts about this long (by the layers' estimate), so a step of a millisecond is timed over many. */
    private static final double TRAINED_EPOCH_SECONDS = 1.5;
    private static final int TRAINED_MIN_STEPS = 20;
    private static final int REDUCTION_FLOATS = 1 << 20;
    private static final int REDUCTION_REPEATS = 30;
    private static final long REDUCTION_WARMUP_NANOS = 500_000_000L;

    private final Measurements measurements;
    private final DatasetCatalog catalog;
    private final Progress progress;
    private final CancellationToken cancellation;
    private int done;

    public Calibrator(Measurements measurements, DatasetCatalog catalog, Progress progress, CancellationToken cancellation) {
        this.measurements = measurements;
        this.catalog = catalog;
        this.progress = progress;
        this.cancellation = cancellation;
    }

    public MachineCalibration calibrate(Plan plan) throws IOException, InterruptedException {
        int total = plan.measurements();
        done = 0;
        progress.update(done, total, "reduction cost");
        double gamma = secondsPerReducedFloat();
        step(total, "models");
        Map<String, ComputeProfile> models = new LinkedHashMap<>();
        for (String model : plan.models()) {
            models.put(model, profile(model, plan, total));
        }
        Map<Transport, LinkCost> transports = new EnumMap<>(Transport.class);
        for (Transport transport : plan.transports()) {
            AllreduceBenchmark.Settings settings = new AllreduceBenchmark.Settings(List.of(transport), plan.ranks(),
                    plan.sizes(), 2, plan.repeats());
            AllreduceBenchmark.Results results = AllreduceBenchmark.run(settings, what -> { });
            if (results.failures().containsKey(transport)) {
                throw new CalibrationException(transport.label() + " could not be measured: " + results.failures().get(transport));
            }
            List<AllreduceTiming> timings = results.timings().get(transport);
            transports.put(transport, TransportFit.fit(transport, timings, 0));
            step(total, transport.label());
        }
        return new MachineCalibration(MachineDescription.current(), Instant.now().toString(), models, transports, gamma);
    }

    private ComputeProfile profile(String model, Plan plan, int total) throws IOException, InterruptedException {
        List<LayerBenchmark.Result> oneThread = new ArrayList<>();
        for (int batch : plan.batches()) {
            progress.update(done, total, model + ", layers at batch " + batch);
            oneThread.add(measurements.layers(model, batch));
            step(total, model);
        }
        ComputeProfile layers = ComputeProfile.fit(model, Models.resolve(model).parameterCount(), oneThread, new LinearFit(0, 0));
        // each worker's share when two split the largest batch
        int besideBatch = Math.max(1, plan.batches().get(plan.batches().size() - 1) / 2);
        progress.update(done, total, model + ", two workers side by side");
        SideBySide.Result sideBySide = measurements.sideBySide(model, besideBatch);
        double aloneMean = Arrays.stream(sideBySide.aloneMillis()).average().orElseThrow();
        layers = layers.withSteps(StepDistribution.of(sideBySide.aloneMillis(), aloneMean),
                StepDistribution.of(sideBySide.besideMillis(), aloneMean));
        step(total, model);

        double[] batches = plan.restBatches().stream().mapToDouble(Integer::doubleValue).toArray();
        double[] trained = new double[batches.length];
        for (int i = 0; i < batches.length; i++) {
            progress.update(done, total, model + ", training at batch " + (int) batches[i]);
            trained[i] = batches[i] / trained(model, List.of(ScalingCase.SERIAL), (int) batches[i], layers).get(0).imagesPerSecond();
            step(total, model);
        }
        int last = batches.length - 1;
        progress.update(done, total, model + ", one worker of each strategy");
        // all in one run, between two serial runs: the machine's speed drifts over minutes
        List<ScalingResult> oneWorker = trained(model, ONE_WORKER_CASES, (int) batches[last], layers);
        step(total, model);
        // serial at the last batch ran three times by now, a minute apart: its median outlasts a neighbour's burst on
        // a shared machine (sitting 7's one run measured serial 17 % slower than the validations minutes after it)
        trained[last] = medianSerialStep(trained[last], oneWorker, batches[last]);
        double level = Math.min(1, trained[last] / layers.computeSeconds(batches[last], 1));
        ComputeProfile leveled = layers.scaled(level);
        double[] rest = new double[batches.length];
        for (int i = 0; i < batches.length; i++) {
            rest[i] = trained[i] - leveled.computeSeconds(batches[i], 1);
        }
        leveled = leveled.withRest(LinearFit.of(batches, rest));

        // each case's own step against that level, not its speedup over the faster serial run beside it: that one is
        // for claims that must not flatter, and it charged the machine's drift over the run to every case (serial
        // before and after it differed by 3-20 % on the idle AMD EPYC, 2026-12-06)
        double twoThreads = stepSeconds(oneWorker, TWO_NATIVE_THREADS, batches[last]);
        double restAtLast = leveled.restSeconds(batches[last]);
        Map<Strategy, Double> slowdown = new EnumMap<>(Strategy.class);
        ONE_WORKER_CASES.stream().filter(c -> c.cores() == 1)
                .forEach(c -> slowdown.put(c.strategy(), stepSeconds(oneWorker, c, batches[last]) / trained[last]));
        return leveled.withSerialFraction(LayerFit.serialFraction(trained[last] - restAtLast, twoThreads - restAtLast))
                .withWorkerSlowdown(slowdown);
    }

    /** The median step of serial's run alone and the serial runs before and after the one-worker cases. */
    static double medianSerialStep(double aloneSeconds, List<ScalingResult> oneWorker, double batch) {
        double[] steps = DoubleStream.concat(DoubleStream.of(aloneSeconds), oneWorker.stream()
                .filter(r -> r.scalingCase().equals(ScalingCase.SERIAL)).mapToDouble(r -> batch / r.imagesPerSecond()))
                .sorted().toArray();
        return steps[steps.length / 2];
    }

    private static double stepSeconds(List<ScalingResult> results, ScalingCase scalingCase, double batch) {
        return batch / results.stream().filter(r -> r.scalingCase().equals(scalingCase)).findFirst().orElseThrow().imagesPerSecond();
    }

    /**
     * A short training run through the trainer {@code scalelab train} uses (a case other than serial between two
     * serial ones), with epochs long enough to time: about {@value #TRAINED_EPOCH_SECONDS} s by {@code layers}'
     * estimate, within the dataset.
     */
    private List<ScalingResult> trained(String model, List<ScalingCase> cases, int batch, ComputeProfile layers) {
        int steps = (int) Math.max(TRAINED_MIN_STEPS, Math.ceil(TRAINED_EPOCH_SECONDS / layers.computeSeconds(batch, 1)));
        boolean serialOnly = cases.equals(List.of(ScalingCase.SERIAL));
        double epochSeconds = Math.min(steps, stepsPerEpoch(model, batch)) * layers.computeSeconds(batch, 1);
        // serial trains in this JVM, warm after its first epoch; a rank's new JVM needs its warm-up
        int warmup = serialOnly ? 1 : WarmUp.epochs(epochSeconds);
        ScalingBenchmark benchmark = new ScalingBenchmark(catalog, what -> { }, cancellation);
        List<ScalingResult> results = benchmark.run(new ScalingBenchmark.Settings(List.of(model), cases, null, batch,
                Scaling.STRONG, steps, warmup, TimedEpochs.of(epochSeconds), serialOnly ? 0 : 1, null));
        for (ScalingResult result : results) {
            if (result.failure().isPresent()) {
                throw new CalibrationException("training " + model + " (" + result.scalingCase() + ") at batch " + batch
                        + " failed: " + result.failure().get());
            }
        }
        return results;
    }

    /** The steps in an epoch of the dataset the model trains on: it ends with the training set, whatever steps it may take. */
    private int stepsPerEpoch(String model, int batch) {
        int images = catalog.load(ScalingBenchmark.defaultDataset(model)).train().size();
        return (images + batch - 1) / batch;
    }

    /**
     * γ: adding a million floats into another million with the allreduces' own loop, median of repeats after half a
     * second of the same: thirty untimed calls (9 ms) once left it 2.35 ns a float, against 0.25–0.30 in every other
     * calibration on that machine, the loop timed before the JIT compiler had finished with it.
     */
    static double secondsPerReducedFloat() {
        BlockedAdd add = new BlockedAdd();
        FloatBuffer target = FloatBuffer.allocate(REDUCTION_FLOATS);
        FloatBuffer source = FloatBuffer.allocate(REDUCTION_FLOATS);
        long warmUntil = System.nanoTime() + REDUCTION_WARMUP_NANOS;
        while (System.nanoTime() < warmUntil) {
            add.into(target, 0, source, 0, REDUCTION_FLOATS, true);
        }
        double[] seconds = new double[REDUCTION_REPEATS];
        for (int i = 0; i < REDUCTION_REPEATS; i++) {
            long start = System.nanoTime();
            add.into(target, 0, source, 0, REDUCTION_FLOATS, true);
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[REDUCTION_REPEATS / 2] / REDUCTION_FLOATS;
    }

    private void step(int total, String what) {
        done++;
        progress.update(done, total, what);
    }
}
