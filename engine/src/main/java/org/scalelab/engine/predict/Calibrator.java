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
import org.scalelab.engine.bench.AllreduceBenchmark;
import org.scalelab.engine.bench.AllreduceBenchmark.Transport;
import org.scalelab.engine.bench.AllreduceTiming;
import org.scalelab.engine.bench.LayerBenchmark;
import org.scalelab.engine.bench.ScalingBenchmark;
import org.scalelab.engine.bench.ScalingCase;
import org.scalelab.engine.bench.ScalingResult;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.parallel.comm.BlockedAdd;
import org.scalelab.engine.provenance.MachineDescription;
import org.scalelab.engine.training.CancellationToken;
import org.scalelab.engine.training.Models;

/**
 * Measures what the model needs on this machine, with the benchmarks the {@code bench} commands run: every model's
 * layers at several batch sizes with one native thread and at the largest with two, the spread of its step time,
 * a short serial training run at two batch sizes (the trainer's work beyond the synthetic step), the reduction
 * cost γ, and allreduce sweeps over message sizes for every transport.
 *
 * <p>On one host a sweep cannot tell β from γ: in every algorithm ScaleLab runs, the bytes sent and the floats
 * summed grow alike with N and P. So each local transport's fit folds its summing into β (its γ is 0), and the γ
 * measured apart serves the links between hosts, whose β comes from a network preset.
 */
public final class Calibrator {

    /** Runs a synthetic step in a JVM with the given native threads (the cli's child JVMs, or this JVM in tests). */
    public interface Measurements {
        LayerBenchmark.Result layers(String model, int batch, int nativeThreads) throws IOException, InterruptedException;

        /** A step's median and spread, milliseconds, with one native thread: {@code [median, spread]}. */
        double[] stepMedianAndSpread(String model, int batch) throws IOException, InterruptedException;
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

    private static final int REST_STEPS = 20;
    private static final int REST_TIMED_EPOCHS = 2;
    private static final int REDUCTION_FLOATS = 1 << 20;
    private static final int REDUCTION_REPEATS = 30;

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
            oneThread.add(measurements.layers(model, batch, 1));
            step(total, model);
        }
        int largest = plan.batches().get(plan.batches().size() - 1);
        progress.update(done, total, model + ", layers with 2 native threads");
        LayerBenchmark.Result twoThreads = measurements.layers(model, largest, 2);
        step(total, model);
        progress.update(done, total, model + ", step spread");
        double[] medianAndSpread = measurements.stepMedianAndSpread(model, largest);
        step(total, model);
        ComputeProfile synthetic = ComputeProfile.fit(model, Models.resolve(model).parameterCount(), oneThread, twoThreads,
                new LinearFit(0, 0), medianAndSpread[1] / medianAndSpread[0]);
        double[] batches = plan.restBatches().stream().mapToDouble(Integer::doubleValue).toArray();
        double[] rest = new double[batches.length];
        for (int i = 0; i < batches.length; i++) {
            progress.update(done, total, model + ", training at batch " + (int) batches[i]);
            rest[i] = trainedStepSeconds(model, (int) batches[i]) - synthetic.computeSeconds(batches[i], 1);
            step(total, model);
        }
        return new ComputeProfile(model, synthetic.parameters(), synthetic.parts(), LinearFit.of(batches, rest),
                synthetic.relativeSpread());
    }

    /** Seconds per step of a short serial training run, through the trainer {@code scalelab train} uses. */
    private double trainedStepSeconds(String model, int batch) {
        ScalingBenchmark benchmark = new ScalingBenchmark(catalog, what -> { }, cancellation);
        List<ScalingResult> results = benchmark.run(new ScalingBenchmark.Settings(List.of(model), List.of(ScalingCase.SERIAL),
                null, batch, Scaling.STRONG, REST_STEPS, REST_TIMED_EPOCHS, 0));
        ScalingResult serial = results.get(0);
        if (serial.failure().isPresent()) {
            throw new CalibrationException("training " + model + " at batch " + batch + " failed: " + serial.failure().get());
        }
        return batch / serial.imagesPerSecond();
    }

    /** γ: adding a million floats into another million with the allreduces' own loop, median of repeats. */
    static double secondsPerReducedFloat() {
        BlockedAdd add = new BlockedAdd();
        FloatBuffer target = FloatBuffer.allocate(REDUCTION_FLOATS);
        FloatBuffer source = FloatBuffer.allocate(REDUCTION_FLOATS);
        double[] seconds = new double[REDUCTION_REPEATS];
        for (int i = 0; i < 2 * REDUCTION_REPEATS; i++) {
            long start = System.nanoTime();
            add.into(target, 0, source, 0, REDUCTION_FLOATS, true);
            if (i >= REDUCTION_REPEATS) {
                seconds[i - REDUCTION_REPEATS] = (System.nanoTime() - start) / 1e9;
            }
        }
        Arrays.sort(seconds);
        return seconds[REDUCTION_REPEATS / 2] / REDUCTION_FLOATS;
    }

    private void step(int total, String what) {
        done++;
        progress.update(done, total, what);
    }
}
