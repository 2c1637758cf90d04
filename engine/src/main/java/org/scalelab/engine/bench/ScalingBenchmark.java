package org.scalelab.engine.bench;

import static org.scalelab.engine.config.TrainingOptions.*;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.scalelab.engine.config.ConfigException;
import org.scalelab.engine.config.OptimizerKind;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.TrainingConfig;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.events.EpochCompleted;
import org.scalelab.engine.events.Phase;
import org.scalelab.engine.events.RunFailed;
import org.scalelab.engine.events.RunStatus;
import org.scalelab.engine.events.RunSummary;
import org.scalelab.engine.events.WorkerPhases;
import org.scalelab.engine.model.Architecture;
import org.scalelab.engine.model.SampleShape;
import org.scalelab.engine.runs.speedup.Speedup;
import org.scalelab.engine.runs.speedup.Throughput;
import org.scalelab.engine.strategies.Trainers;
import org.scalelab.engine.training.CancellationToken;
import org.scalelab.engine.training.Models;
import org.scalelab.engine.training.RunPlan;

/**
 * How each parallel strategy scales: every case trains for real, through the same trainer as
 * {@code scalelab train}, on short epochs of {@code steps} steps. The first {@code warmup} epochs warm up (JIT,
 * oneDNN kernels, rank start-up); the steady throughput of the {@code repeats} epochs after them ({@link Throughput}:
 * their median epoch) is reported, with that epoch's phase breakdown and the {@link Speedup} over the serial baseline of the
 * same model and global batch, measured before and after the cases in the same run.
 *
 * <p>On a shared machine the speed of the cores drifts over minutes, so a speedup is only as good as the
 * serial run it is divided by. With several {@code rounds} the cases and the serial baseline take turns
 * (serial, cases, serial, cases, serial …), and each round's cases are compared with the serial runs just
 * before and after them; {@link RoundSpread} then gives each case's median speedup and its range.
 */
public final class ScalingBenchmark {

    /**
     * @param dataset     for every model, or null to take mnist-mini for 1×28×28 models and synthetic-cifar for
     *                    3×32×32 ones, so the benchmark runs offline
     * @param steps       training steps per epoch
     * @param warmup      epochs before the timed ones: one warms a JVM that earlier cases have warmed (serial and the
     *                    strategies whose workers are threads of this one); a rank's new JVM needs more (its JIT
     *                    compilers share the cores with the ranks), so its case is slower for the first few
     * @param repeats     timed epochs after the warm-up epochs
     * @param rounds      times every case is measured, each round followed by a serial run
     * @param hosts       a hosts file the cases that start MPJ processes spread their ranks over (serial stays
     *                    here), or null for all on this machine
     */
    public record Settings(List<String> models, List<ScalingCase> cases, String dataset, int batchSize,
                           Scaling scaling, int steps, int warmup, int repeats, int rounds, String hosts) {
        public Settings {
            models = List.copyOf(models);
            cases = List.copyOf(cases);
        }

        /** Every case on this machine, after one warm-up epoch. */
        public Settings(List<String> models, List<ScalingCase> cases, String dataset, int batchSize, Scaling scaling,
                        int steps, int repeats, int rounds) {
            this(models, cases, dataset, batchSize, scaling, steps, 1, repeats, rounds, null);
        }
    }

    private static final double LEARNING_RATE = 0.01;

    private final DatasetCatalog catalog;
    private final Consumer<String> progress;
    private final CancellationToken cancellation;

    /** @param progress told, before each case, what is being measured */
    public ScalingBenchmark(DatasetCatalog catalog, Consumer<String> progress, CancellationToken cancellation) {
        this.catalog = catalog;
        this.progress = progress;
        this.cancellation = cancellation;
    }

    /**
     * Every model: the serial baseline, then each round: every case and the serial baseline again. A case's
     * speedup is against the faster of the serial runs just before and after its round, so a baseline slowed
     * by a busy moment cannot flatter the parallel cases; a serial run's is against the fastest serial run. Stops
     * early (returning what it has) when cancelled.
     */
    public List<ScalingResult> run(Settings settings) {
        List<ScalingResult> results = new ArrayList<>();
        for (String model : settings.models()) {
            if (cancellation.isCancelled()) {
                break;
            }
            String dataset = settings.dataset() != null ? settings.dataset() : defaultDataset(model);
            TrainingConfig base = TrainingConfig.defaults().with(DATASET, dataset).with(MODEL, model).with(EPOCHS, settings.warmup() + settings.repeats())
                    .with(BATCH, settings.batchSize()).with(SCALING, settings.scaling()).with(STEPS_PER_EPOCH, settings.steps())
                    .with(OPTIMIZER, OptimizerKind.SGD).with(LR, LEARNING_RATE).with(SEED, 1L).validate();
            RunPlan loaded = RunPlan.prepare(base, catalog);
            List<ScalingCase> cases = settings.cases().stream().filter(c -> !c.equals(ScalingCase.SERIAL)).toList();
            List<ScalingResult> measured = new ArrayList<>();
            measured.add(measure(loaded, base, ScalingCase.SERIAL, 0, settings));
            for (int round = 1; round <= settings.rounds() && !cancellation.isCancelled(); round++) {
                for (ScalingCase scalingCase : cases) {
                    if (cancellation.isCancelled()) {
                        break;
                    }
                    measured.add(measure(loaded, base, scalingCase, round, settings));
                }
                if (!cancellation.isCancelled()) {
                    measured.add(measure(loaded, base, ScalingCase.SERIAL, round, settings));
                }
            }
            results.addAll(againstSerial(measured));
        }
        return results;
    }

    private static List<ScalingResult> againstSerial(List<ScalingResult> measured) {
        Map<Integer, Double> serialByRound = new HashMap<>();
        measured.stream().filter(r -> r.scalingCase().equals(ScalingCase.SERIAL) && !Double.isNaN(r.imagesPerSecond()))
                .forEach(r -> serialByRound.put(r.round(), r.imagesPerSecond()));
        double fastestSerial = serialByRound.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return measured.stream().map(result -> {
            if (result.scalingCase().equals(ScalingCase.SERIAL)) {
                return result.against(fastestSerial); // not a speedup: how far this serial run fell behind the best
            }
            double before = serialByRound.getOrDefault(result.round() - 1, Double.NaN);
            double after = serialByRound.getOrDefault(result.round(), Double.NaN);
            return result.against(Double.isNaN(before) ? after : Double.isNaN(after) ? before : Math.max(before, after));
        }).toList();
    }

    private ScalingResult measure(RunPlan loaded, TrainingConfig base, ScalingCase scalingCase, int round, Settings settings) {
        int rounds = settings.rounds();
        String model = loaded.architecture().name();
        String dataset = base.data().dataset();
        progress.accept(model + " on " + dataset + ", " + scalingCase + (rounds > 1 ? roundName(scalingCase, round, rounds) : ""));
        Optional<String> unavailable = Trainers.whyUnavailable(scalingCase.strategy(), scalingCase.processes());
        if (unavailable.isPresent()) {
            return ScalingResult.failed(model, dataset, scalingCase, unavailable.get().lines().findFirst().orElse("unavailable"),
                    round);
        }
        TrainingConfig config = configFor(base, scalingCase, settings.hosts());
        RunPlan plan = new RunPlan(loaded.runId() + "-" + scalingCase.strategy(), config, loaded.architecture(),
                loaded.dataset(), loaded.environment());
        List<EpochCompleted> epochs = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        RunSummary summary = Trainers.forConfig(config, catalog).train(plan, event -> {
            if (event instanceof EpochCompleted epoch) {
                epochs.add(epoch);
            } else if (event instanceof RunFailed failed) {
                failures.add(failed.message());
            }
        }, cancellation);
        if (summary.status() != RunStatus.FINISHED || epochs.size() < settings.warmup() + 1) {
            String why = failures.isEmpty() ? "run " + summary.status() : failures.get(0);
            return ScalingResult.failed(model, dataset, scalingCase, why, round);
        }
        return measured(model, dataset, scalingCase, epochs, settings.warmup(), config.globalBatchSize(), round);
    }

    /**
     * The configuration a case trains: {@code base} with the case's strategy, size, allreduce and microbatches, its
     * processes spread over {@code hosts} where it starts any.
     */
    static TrainingConfig configFor(TrainingConfig base, ScalingCase scalingCase, String hosts) {
        TrainingConfig config = base.with(STRATEGY, scalingCase.strategy()).with(PROCS, scalingCase.processes())
                .with(THREADS, scalingCase.threads()).with(ALLREDUCE, scalingCase.allreduce())
                .with(MICROBATCHES, scalingCase.microbatches());
        return (config.launchesProcesses() ? config.with(HOSTS, hosts) : config).validate();
    }

    /**
     * A case's steady throughput over its epochs after the first {@code warmup}, and the phases of the epoch it comes
     * from.
     */
    static ScalingResult measured(String model, String dataset, ScalingCase scalingCase, List<EpochCompleted> epochs,
                                  int warmup, int globalBatch, int round) {
        // Throughput leaves out the first epoch it is given: the last warm-up epoch
        List<EpochCompleted> timed = epochs.subList(warmup - 1, epochs.size());
        EpochCompleted median = Throughput.medianEpoch(timed);
        int steps = (int) Math.ceil((double) median.images() / globalBatch);
        return new ScalingResult(model, dataset, scalingCase, Throughput.of(timed).imagesPerSecond(), Double.NaN,
                msPerStep(median.phases(), steps), Optional.empty(), round);
    }

    /** How a measurement is told apart from the same case in other rounds: " (round 2 of 3)", " (after round 2)". */
    public static String roundName(ScalingCase scalingCase, int round, int rounds) {
        if (scalingCase.equals(ScalingCase.SERIAL)) {
            return round == 0 ? " (before round 1)" : " (after round " + round + ")";
        }
        return " (round " + round + " of " + rounds + ")";
    }

    /**
     * Training phases per step, averaged over workers. Worker 0 evaluates at the end of each epoch while the
     * others wait; that wait is taken out of their idle time so idle means waiting for other workers' steps.
     */
    static Map<Phase, Double> msPerStep(List<WorkerPhases> workers, int steps) {
        double evaluation = workers.stream().filter(w -> w.worker() == 0).findFirst()
                .map(w -> w.seconds().getOrDefault(Phase.EVALUATION, 0.0)).orElse(0.0);
        Map<Phase, Double> mean = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            if (phase == Phase.EVALUATION) {
                continue;
            }
            double total = 0;
            for (WorkerPhases worker : workers) {
                double seconds = worker.seconds().getOrDefault(phase, 0.0);
                if (phase == Phase.IDLE && worker.worker() != 0) {
                    seconds = Math.max(0, seconds - evaluation);
                }
                total += seconds;
            }
            mean.put(phase, total / workers.size() * 1000 / steps);
        }
        return mean;
    }

    /** The offline dataset that fits the model's input: the embedded MNIST subset or the synthetic CIFAR set. */
    public static String defaultDataset(String model) {
        Architecture architecture = Models.resolve(model);
        SampleShape input = architecture.input();
        if (input.channels() == 1 && input.height() == 28 && input.width() == 28) {
            return "mnist-mini";
        }
        if (input.channels() == 3 && input.height() == 32 && input.width() == 32) {
            return "synthetic-cifar";
        }
        throw new ConfigException("dataset", "(none)",
                "model " + architecture.name() + " takes " + input + " images; name a dataset that has them");
    }
}
