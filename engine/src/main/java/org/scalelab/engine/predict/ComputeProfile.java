package org.scalelab.engine.predict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.scalelab.engine.bench.LayerBenchmark;
import org.scalelab.engine.config.Strategy;

/**
 * How long one worker's step of one model takes on this machine: each layer's forward and backward pass fitted
 * against the batch (a fixed cost per call plus a cost per image), the input conversion, loss and update likewise,
 * what the trainer does per step beyond them (data, bookkeeping, events), and how much a step's time varies.
 *
 * @param parameters     floats every allreduce or average moves
 * @param parts          the layers (forward and backward) and the step's fixed parts, each fitted, at the level the
 *                       trainer's own serial step was measured at
 * @param rest           the trainer's seconds per step beyond the synthetic step, against the batch
 * @param aloneSteps     one worker's synthetic steps with the host otherwise idle, over their mean
 * @param besideSteps    the same worker's steps while a second one computes beside it, over the same mean: its mean is
 *                       how much longer a step takes when workers share a host (their caches, memory bandwidth and the
 *                       spare core that absorbed the JVM's and the system's own work), its tail what the slowest
 *                       waits for
 * @param workerSlowdown how much longer one worker's step takes under each strategy than in the serial trainer,
 *                       measured by training each strategy with one worker (a rank of its own ran mlp-235k's step
 *                       1.7 times as long, cnn-1m's 1.2 times, on an idle 2-vCPU machine); 1 for a strategy not in it
 */
public record ComputeProfile(String model, long parameters, List<LayerFit> parts, LinearFit rest,
                             StepDistribution aloneSteps, StepDistribution besideSteps,
                             Map<Strategy, Double> workerSlowdown) {

    public ComputeProfile {
        parts = List.copyOf(parts);
        // a calibration written before one-worker runs, or workers side by side, were measured lacks them
        if (workerSlowdown == null) {
            throw new IllegalArgumentException("no workerSlowdown: calibrated by an older ScaleLab");
        }
        if (aloneSteps == null || besideSteps == null) {
            throw new IllegalArgumentException("no aloneSteps or besideSteps: calibrated by an older ScaleLab");
        }
        workerSlowdown = Map.copyOf(workerSlowdown);
        workerSlowdown.forEach((strategy, factor) -> {
            if (!(factor > 0)) {
                throw new IllegalArgumentException("workerSlowdown of " + strategy + " " + factor + ": expected a factor > 0");
            }
        });
    }

    /** A profile whose workers take as long under every strategy as in the serial trainer. */
    public ComputeProfile(String model, long parameters, List<LayerFit> parts, LinearFit rest,
                          StepDistribution aloneSteps, StepDistribution besideSteps) {
        this(model, parameters, parts, rest, aloneSteps, besideSteps, Map.of());
    }

    /** A profile whose steps take as long beside other workers as alone, and always as long. */
    public ComputeProfile(String model, long parameters, List<LayerFit> parts, LinearFit rest) {
        this(model, parameters, parts, rest, StepDistribution.STEADY, StepDistribution.STEADY);
    }

    /** How a worker's steps are spread: beside other workers on its host, or alone there. */
    public StepDistribution steps(boolean sideBySide) {
        return sideBySide ? besideSteps : aloneSteps;
    }

    /** How much longer one worker's step takes under {@code strategy} than serial: 1 where none was measured. */
    public double slowdownUnder(Strategy strategy) {
        return workerSlowdown.getOrDefault(strategy, 1.0);
    }

    /** Seconds of forward, backward, loss and update for {@code batch} images with {@code nativeThreads} threads. */
    public double computeSeconds(double batch, int nativeThreads) {
        return parts.stream().mapToDouble(part -> part.seconds(batch, nativeThreads)).sum();
    }

    /**
     * The trainer's other seconds per step for {@code batch} images: its measured step less the synthetic one. On a
     * shared machine it can come out negative (the trainer's run met a quieter moment than the benchmark's), and
     * is kept so, so that the serial prediction still matches the serial run it was calibrated on.
     */
    public double restSeconds(double batch) {
        return rest.at(batch);
    }

    /**
     * Fits every part from {@code bench layers} results at several batch sizes with one native thread. Each part's
     * serial fraction is left at 0 for the {@link Calibrator} to set from training with two native threads.
     */
    public static ComputeProfile fit(String model, long parameters, List<LayerBenchmark.Result> oneThread, LinearFit rest) {
        double[] batches = oneThread.stream().mapToDouble(LayerBenchmark.Result::batchSize).toArray();
        List<LayerFit> parts = new ArrayList<>();
        int layers = oneThread.get(0).layers().size();
        for (int i = 0; i < layers; i++) {
            int layer = i;
            double[] seconds = oneThread.stream().mapToDouble(r -> r.layers().get(layer).totalMillis() / 1e3).toArray();
            parts.add(new LayerFit(oneThread.get(0).layers().get(i).kind(), LinearFit.of(batches, seconds), 0));
        }
        double[] fixed = oneThread.stream().mapToDouble(ComputeProfile::fixedMillis).map(ms -> ms / 1e3).toArray();
        parts.add(new LayerFit("input, loss and update", LinearFit.of(batches, fixed), 0));
        return new ComputeProfile(model, parameters, parts, rest);
    }

    /** Every part's time multiplied by {@code factor}: the level training measured, the layers' shape kept. */
    ComputeProfile scaled(double factor) {
        return new ComputeProfile(model, parameters, parts.stream().map(part -> new LayerFit(part.kind(),
                new LinearFit(part.seconds().intercept() * factor, part.seconds().slope() * factor), part.serialFraction()))
                .toList(), rest, aloneSteps, besideSteps, workerSlowdown);
    }

    /** Every part with the serial fraction {@code s} measured for the whole step. */
    ComputeProfile withSerialFraction(double s) {
        return new ComputeProfile(model, parameters, parts.stream().map(part -> new LayerFit(part.kind(), part.seconds(), s))
                .toList(), rest, aloneSteps, besideSteps, workerSlowdown);
    }

    ComputeProfile withRest(LinearFit newRest) {
        return new ComputeProfile(model, parameters, parts, newRest, aloneSteps, besideSteps, workerSlowdown);
    }

    ComputeProfile withWorkerSlowdown(Map<Strategy, Double> factors) {
        return new ComputeProfile(model, parameters, parts, rest, aloneSteps, besideSteps, factors);
    }

    ComputeProfile withSteps(StepDistribution alone, StepDistribution beside) {
        return new ComputeProfile(model, parameters, parts, rest, alone, beside, workerSlowdown);
    }

    private static double fixedMillis(LayerBenchmark.Result result) {
        return result.inputLayoutMillis() + result.lossMillis() + result.updateMillis();
    }
}
