package org.scalelab.engine.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.scalelab.engine.bench.RoundSpread;
import org.scalelab.engine.bench.ScalingBenchmark;
import org.scalelab.engine.bench.ScalingCase;
import org.scalelab.engine.bench.ScalingResult;
import org.scalelab.engine.config.AllreduceAlgorithm;
import org.scalelab.engine.config.Scaling;
import org.scalelab.engine.config.Strategy;
import org.scalelab.engine.config.TrainingOptions;
import org.scalelab.engine.data.DatasetCatalog;
import org.scalelab.engine.events.Phase;
import org.scalelab.engine.provenance.MachineDescription;
import org.scalelab.engine.training.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scalelab bench scaling}: images/s, speedup, efficiency and phase breakdown of every strategy. */
@Command(name = "scaling", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains each model with every strategy at each core count, for real, and reports images/s, "
                + "speedup and efficiency against serial (same global batch, measured in the same run) with where "
                + "each step's time went.",
                "Each case runs WARMUP warm-up epochs and REPEATS timed epochs of STEPS steps; the median timed epoch is "
                + "shown."})
public final class BenchScalingCommand implements Callable<Integer> {

    private static final List<Phase> TRAINING_PHASES = Arrays.stream(Phase.values())
            .filter(p -> p != Phase.EVALUATION && p.wallTime()).toList();

    @Option(names = "--models", split = ",", paramLabel = "MODEL", description = "Default: ${DEFAULT-VALUE}.",
            defaultValue = "mlp-235k,cnn-1m")
    List<String> models;

    @Option(names = "--strategies", split = ",", paramLabel = "NAME", converter = LowerCaseEnumConverter.StrategyConverter.class,
            description = "Default: every strategy (serial always runs, as the baseline; pipeline under strong scaling "
                    + "only, its stages sharing each batch).")
    List<Strategy> strategies = Arrays.asList(Strategy.values());

    @Option(names = "--workers", split = ",", paramLabel = "CORES",
            description = "Cores per case, P×T (threads for in-JVM strategies, processes for MPJ ones). Default: ${DEFAULT-VALUE}.",
            defaultValue = "1,2")
    List<Integer> workers;

    @Option(names = "--allreduce", split = ",", paramLabel = "NAME", converter = LowerCaseEnumConverter.AllreduceConverter.class,
            description = "Allreduce algorithms of the cases whose processes sum across ranks (mpj, param-avg, hybrid "
                    + "with several ranks), each measured. Default: ${DEFAULT-VALUE}.", defaultValue = "ring,ring-shm")
    List<AllreduceAlgorithm> allreduce;

    @Option(names = "--steps", paramLabel = "N", description = "Steps per epoch. Default: ${DEFAULT-VALUE}.")
    int steps = 40;

    @Option(names = "--warmup", paramLabel = "N",
            description = "Warm-up epochs before the timed ones. Serial and the strategies whose workers are threads of "
                    + "this JVM run warm after one; a case that starts rank JVMs reaches its steady speed only after "
                    + "several (their JIT compilers share the cores with the ranks). Default: ${DEFAULT-VALUE}.")
    int warmup = 1;

    @Option(names = "--repeats", paramLabel = "N", description = "Timed epochs after the warm-up ones. Default: ${DEFAULT-VALUE}.")
    int repeats = 3;

    @Option(names = "--rounds", paramLabel = "N",
            description = "Measure every case N times, taking turns with serial runs (serial, cases, serial, cases, …); "
                    + "each round is compared with the serial runs just before and after it, and a summary gives each "
                    + "case's median speedup and range. Default: ${DEFAULT-VALUE}.")
    int rounds = 1;

    @Option(names = "--batch", paramLabel = "N", description = "Global batch (strong scaling) or per-worker batch (weak). Default: ${DEFAULT-VALUE}.")
    int batchSize = TrainingOptions.BATCH.defaultValue();

    @Option(names = "--scaling", paramLabel = "NAME", converter = LowerCaseEnumConverter.ScalingConverter.class,
            description = "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Scaling scaling = TrainingOptions.SCALING.defaultValue();

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "Default: mnist-mini for 28×28 models, synthetic-cifar for 32×32 ones (both offline).")
    String dataset;

    @Mixin
    DataDirOption data;

    @Option(names = "--markdown", description = "Print a Markdown table (for docs/PERFORMANCE.md).")
    boolean markdown;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        checkOptions();
        DatasetCatalog catalog = data.catalog();
        PrintWriter err = spec.commandLine().getErr();
        List<ScalingResult> results;
        try (CancelOnShutdown ctrlC = new CancelOnShutdown()) {
            var benchmark = new ScalingBenchmark(catalog, what -> {
                err.println("measuring " + what + " ...");
                err.flush();
            }, new CancellationToken(ctrlC));
            results = benchmark.run(new ScalingBenchmark.Settings(models, cases(), dataset, batchSize, scaling, steps, warmup,
                    repeats, rounds, null));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Machine: " + MachineDescription.current());
        out.printf(Locale.ROOT, "Batch %d (%s scaling), %d steps per epoch, median of %d timed epochs after %s; "
                + "speedup against the faster of the two serial runs (before and after the cases%s); "
                + "phases in ms per step, mean over workers.%n%n", batchSize, scaling, steps, repeats,
                warmup == 1 ? "a warm-up epoch" : warmup + " warm-up epochs", rounds > 1 ? " of each round" : "");
        table(results).print(out, markdown);
        if (rounds > 1) {
            out.printf(Locale.ROOT, "%nOver the %d rounds:%n%n", rounds);
            spreadTable(RoundSpread.of(results)).print(out, markdown);
        }
        results.stream().filter(r -> r.failure().isPresent()).forEach(r ->
                out.println("- " + r.model() + ", " + r.scalingCase() + ": " + r.failure().get()));
        out.flush();
        return results.stream().anyMatch(r -> r.failure().isPresent()) ? CliErrors.FAILED : 0;
    }

    private void checkOptions() {
        OptionChecks.atLeastOne("steps", steps);
        OptionChecks.atLeastOne("warmup", warmup);
        OptionChecks.atLeastOne("repeats", repeats);
        OptionChecks.atLeastOne("rounds", rounds);
        OptionChecks.atLeastOne("batchSize", batchSize);
        OptionChecks.allAtLeastOne("workers", workers, "core counts");
        OptionChecks.models("models", models);
    }

    private List<ScalingCase> cases() {
        List<ScalingCase> cases = new ArrayList<>();
        for (Strategy strategy : strategies) {
            if (strategy.splitsLayers() && scaling != Scaling.STRONG) {
                continue;
            }
            for (int cores : workers) {
                for (AllreduceAlgorithm algorithm : allreduce) {
                    ScalingCase scalingCase = ScalingCase.of(strategy, cores).withAllreduce(algorithm);
                    if (!cases.contains(scalingCase)) {
                        cases.add(scalingCase);
                    }
                }
            }
        }
        return cases;
    }

    private TextTable table(List<ScalingResult> results) {
        List<String> header = new ArrayList<>(List.of("Model", "Strategy P×T", "Cores", "img/s", "Speedup", "Efficiency"));
        TRAINING_PHASES.forEach(phase -> header.add(phase.toString()));
        boolean[] numeric = new boolean[header.size()];
        Arrays.fill(numeric, 2, numeric.length, true);
        TextTable table = new TextTable(header, numeric);
        Set<String> seen = new HashSet<>();
        for (ScalingResult result : results) {
            String name = result.scalingCase().toString();
            String label = rounds > 1 ? name + ScalingBenchmark.roundName(result.scalingCase(), result.round(), rounds)
                    : seen.add(result.model() + name) ? name : name + " (again)";
            List<String> row = new ArrayList<>(List.of(result.model(), label, String.valueOf(result.scalingCase().cores())));
            if (result.failure().isPresent()) {
                while (row.size() < header.size()) {
                    row.add("—");
                }
            } else {
                row.add(String.format(Locale.ROOT, "%,.0f", result.imagesPerSecond()));
                row.add(String.format(Locale.ROOT, "%.2f×", result.speedup()));
                row.add(String.format(Locale.ROOT, "%.0f %%", 100 * result.efficiency()));
                TRAINING_PHASES.forEach(phase -> row.add(String.format(Locale.ROOT, "%.2f", result.msPerStep().get(phase))));
            }
            table.add(row);
        }
        return table;
    }

    private static TextTable spreadTable(List<RoundSpread> spreads) {
        TextTable table = new TextTable(List.of("Model", "Strategy P×T", "Rounds", "Median img/s", "Median speedup",
                "Lowest", "Highest"), false, false, true, true, true, true, true);
        for (RoundSpread spread : spreads) {
            table.add(List.of(spread.model(), spread.scalingCase().toString(), String.valueOf(spread.rounds()),
                    String.format(Locale.ROOT, "%,.0f", spread.medianImagesPerSecond()),
                    String.format(Locale.ROOT, "%.2f×", spread.medianSpeedup()),
                    String.format(Locale.ROOT, "%.2f×", spread.lowestSpeedup()),
                    String.format(Locale.ROOT, "%.2f×", spread.highestSpeedup())));
        }
        return table;
    }
}
