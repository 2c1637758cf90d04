package org.scalelab.engine.predict;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.scalelab.engine.bench.Median;
import org.scalelab.engine.bench.ScalingBenchmark;
import org.scalelab.engine.bench.ScalingCase;
import org.scalelab.engine.bench.ScalingResult;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.training.CancellationToken;

/**
 * Checks predictions against measurement: every configuration this machine can run (one host) trains for real
 * through {@link ScalingBenchmark}, in one run beside its serial baseline, and each prediction is set beside
 * what was measured.
 */
public final class Validation {

    /**
     * @param measuredImagesPerSecond NaN when the run failed or was not run
     * @param failure                 why there is no measurement
     */
    public record Check(Prediction predicted, double measuredImagesPerSecond, double measuredSpeedup,
                        Optional<String> failure) {

        /** (predicted − measured) / measured, of images per second (and so of the step time's inverse). */
        public double error() {
            return (predicted.imagesPerSecond() - measuredImagesPerSecond) / measuredImagesPerSecond;
        }

        /**
         * (predicted − measured) / measured, of the speedup over serial: the measured one over the serial runs taken
         * just before and after, so the machine's drift since the calibration (±30 % within minutes on shared
         * machines) cancels out as it does from every speedup ScaleLab reports. NaN for the serial baseline itself,
         * whose speedup is 1 by definition.
         */
        public double speedupError() {
            if (predicted.strategy() == Strategy.SERIAL) {
                return Double.NaN;
            }
            return (predicted.speedup() - measuredSpeedup) / measuredSpeedup;
        }
    }

    /**
     * How long each configuration trains.
     *
     * @param warmup epochs before the timed ones ({@link WarmUp})
     */
    public record Settings(int steps, int warmup, int repeats) {
        /** An epoch this long (by the serial prediction) is timed well beyond the scheduler's jitter. */
        static final double EPOCH_SECONDS = 1.5;
        static final int MIN_STEPS = 20;

        /**
         * Epochs of about {@value #EPOCH_SECONDS} s by the serial prediction for {@code scenario}, at least {@value
         * #MIN_STEPS} steps (30 ms epochs of mlp-235k timed the scheduler, not the model), and at most the epoch's
         * own steps: an epoch ends with its images, so more would only be printed, not trained; after the warm-up
         * epochs {@link WarmUp} gives them, as many timed as {@link TimedEpochs} gives.
         *
         * @param steps   steps per epoch, or null for as many as last {@value #EPOCH_SECONDS} s
         * @param warmup  warm-up epochs, or null for {@link WarmUp}'s
         * @param repeats timed epochs, or null for {@link TimedEpochs}'
         */
        public static Settings lasting(ScalingModel model, Scenario scenario, Integer steps, Integer warmup, Integer repeats) {
            double serialStep = model.predict(scenario.serialBaseline()).stepSeconds();
            int epochSteps = steps != null ? steps
                    : Math.min((int) Math.max(MIN_STEPS, Math.ceil(EPOCH_SECONDS / serialStep)), scenario.stepsPerEpoch());
            double epochSeconds = epochSteps * serialStep;
            return new Settings(epochSteps, warmup != null ? warmup : WarmUp.epochs(epochSeconds),
                    repeats != null ? repeats : TimedEpochs.of(epochSeconds));
        }
    }

    private Validation() {
    }

    /**
     * Whether the scenario is one that can run: its ranks on this one host, or, given a hosts file, spread over its
     * hosts (the scenario then placed as the file places them).
     */
    public static boolean runs(Scenario scenario, String hostFile) {
        return hostFile != null || scenario.hosts() == 1;
    }

    /**
     * Measures the scenarios that {@link #runs can run}, all of one model, batch and scaling, and checks them.
     *
     * @param hostFile the hosts the processes spread over, or null for all on this machine
     */
    public static List<Check> check(ScalingModel model, List<Scenario> scenarios, Settings settings, String hostFile,
                                    DatasetCatalog catalog, Consumer<String> progress, CancellationToken cancellation) {
        List<Scenario> runnable = scenarios.stream().filter(s -> runs(s, hostFile)).toList();
        if (runnable.isEmpty()) {
            return List.of();
        }
        Scenario first = runnable.get(0);
        List<ScalingCase> cases = runnable.stream()
                .map(Validation::scalingCase).toList();
        List<ScalingResult> results = new ScalingBenchmark(catalog, progress, cancellation).run(new ScalingBenchmark.Settings(
                List.of(first.model()), cases, null, first.batch(), first.scaling(), settings.steps(), settings.warmup(), settings.repeats(), 1,
                hostFile));
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < runnable.size(); i++) {
            ScalingCase scalingCase = cases.get(i);
            Prediction predicted = model.predict(runnable.get(i));
            Optional<ScalingResult> measured = results.stream().filter(r -> r.scalingCase().equals(scalingCase) && r.round() == 1)
                    .findFirst().or(() -> results.stream().filter(r -> r.scalingCase().equals(scalingCase)).findFirst());
            checks.add(measured.map(r -> new Check(predicted, r.imagesPerSecond(), r.speedup(), r.failure()))
                    .orElse(new Check(predicted, Double.NaN, Double.NaN, Optional.of("not measured (cancelled)"))));
        }
        return checks;
    }

    /**
     * The benchmark's case for a scenario; the allreduce only where ranks in processes sum, the microbatches only where
     * they split the layers, as the benchmark names them.
     */
    private static ScalingCase scalingCase(Scenario scenario) {
        return scenario.strategy() == Strategy.SERIAL ? ScalingCase.SERIAL
                : new ScalingCase(scenario.strategy(), scenario.procs(), scenario.threads()).withAllreduce(scenario.allreduce())
                        .withMicrobatches(scenario.microbatches());
    }

    /** The median of the absolute errors of the checks that measured, NaN when none did. */
    public static double medianAbsoluteError(List<Check> checks) {
        return medianAbsolute(checks, Check::error);
    }

    /** The median of the absolute speedup errors of the checks that measured one, NaN when none did. */
    public static double medianAbsoluteSpeedupError(List<Check> checks) {
        return medianAbsolute(checks, Check::speedupError);
    }

    private static double medianAbsolute(List<Check> checks, ToDoubleFunction<Check> error) {
        double[] errors = checks.stream().filter(c -> c.failure().isEmpty()).mapToDouble(error)
                .filter(e -> !Double.isNaN(e)).map(Math::abs).toArray();
        return errors.length == 0 ? Double.NaN : Median.of(errors);
    }
}
