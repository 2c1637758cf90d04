package org.scalelab.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.scalelab.engine.bench.Median;
import org.scalelab.engine.model.Presets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scalelab bench}: raw training speed (forward, backward, SGD on one synthetic batch) of each model with
 * each native thread count. Every measurement runs in a child JVM of its own ({@link BenchChild}), its thread given
 * the count as an {@code intra-op} worker is.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure training images/s per model with 1 and 2 native threads, each in its own JVM, and "
                + "each rate as a share of the machine's sgemm peak (bench peak).",
        subcommands = {BenchPeakCommand.class, BenchLayersCommand.class, BenchScalingCommand.class, BenchAllreduceCommand.class,
                BenchStartupCommand.class})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--models", split = ",", paramLabel = "MODEL",
            description = "Presets or architecture files, comma-separated. Default: every preset.")
    List<String> models;

    @Option(names = "--threads", split = ",", paramLabel = "N", description = "Native thread counts. Default: 1,2.")
    List<Integer> threads = List.of(1, 2);

    @Option(names = "--rounds", paramLabel = "N",
            description = "Measure every model N times at each thread count, taking turns (1, 2 threads, then 2, 1, …); "
                    + "the table gives the median of each figure, and each round's speedup from the two measurements "
                    + "next to each other. Default: ${DEFAULT-VALUE}.")
    int rounds = 1;

    @Mixin
    SyntheticStepOptions step;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        checkOptions();
        PrintWriter out = spec.commandLine().getOut();
        List<String> names = models != null ? models.stream().distinct().toList() : Presets.names();
        OptionChecks.models("models", names);
        PeakMeasurement peak = BenchPeakCommand.measure(BenchPeakCommand.DEFAULT_SIZE, 1, spec.commandLine().getErr());
        Map<String, BenchRounds> byModel = new LinkedHashMap<>();
        names.forEach(model -> byModel.put(model, new BenchRounds(threads.size())));
        for (int round = 1; round <= rounds; round++) {
            if (rounds > 1) {
                spec.commandLine().getErr().printf(Locale.ROOT, "Round %d of %d%n", round, rounds);
            }
            // Even rounds take the thread counts in reverse, so a machine that drifts one way favours none of them.
            List<Integer> columns = new ArrayList<>(IntStream.range(0, threads.size()).boxed().toList());
            if (round % 2 == 0) {
                Collections.reverse(columns);
            }
            for (String model : names) {
                for (int column : columns) {
                    byModel.get(model).add(round, column, measure(model, threads.get(column)));
                }
            }
        }
        BenchMeasurement any = byModel.values().iterator().next().any();
        out.println("Machine: " + any.environment().describe());
        out.println(BenchPeakCommand.describe(peak) + "; with N threads, N times it");
        if (rounds > 1) {
            out.printf(Locale.ROOT, "Medians of %d rounds; a round's speedup divides its two measurements, taken one "
                    + "after the other.%n", rounds);
        }
        out.println();
        table(byModel.values(), peak).print(out, step.markdown);
        out.flush();
        return 0;
    }

    private void checkOptions() {
        step.check();
        OptionChecks.allAtLeastOne("threads", threads, "thread counts");
        OptionChecks.atLeastOne("rounds", rounds);
    }

    private BenchMeasurement measure(String model, int threadCount) throws IOException, InterruptedException {
        return BenchChild.measure(BenchWorker.Mode.SPEED, model, step.batchSize, step.steps, threadCount,
                step.warmupMillis(), BenchMeasurement.class, spec.commandLine().getErr());
    }

    private TextTable table(Collection<BenchRounds> byModel, PeakMeasurement peak) {
        boolean speedup = threads.size() > 1;
        List<String> header = new ArrayList<>(List.of("Model", "Parameters", "Batch"));
        threads.forEach(t -> header.add(t + (t == 1 ? " thread" : " threads") + " (img/s)"));
        if (speedup) {
            header.add("Speedup " + threads.get(threads.size() - 1) + " vs " + threads.get(0));
            if (rounds > 1) {
                header.add("Speedup per round");
            }
        }
        threads.forEach(t -> header.add("Of peak (" + t + ")"));
        boolean[] numeric = new boolean[header.size()];
        Arrays.fill(numeric, 1, numeric.length, true);
        TextTable table = new TextTable(header, numeric);
        for (BenchRounds model : byModel) {
            BenchMeasurement first = model.any();
            List<String> cells = new ArrayList<>(List.of(first.model(), String.format(Locale.ROOT, "%,d", first.parameters()),
                    String.valueOf(first.batchSize())));
            for (int column = 0; column < threads.size(); column++) {
                cells.add(String.format(Locale.ROOT, "%,.0f", model.medianImagesPerSecond(column)));
            }
            if (speedup) {
                double[] speedups = model.speedups();
                cells.add(String.format(Locale.ROOT, "%.2f×", Median.of(speedups)));
                if (rounds > 1) {
                    cells.add(Arrays.stream(speedups).mapToObj(s -> String.format(Locale.ROOT, "%.2f", s))
                            .collect(Collectors.joining(", ")));
                }
            }
            for (int column = 0; column < threads.size(); column++) {
                cells.add(String.format(Locale.ROOT, "%.0f %%", 100 * model.medianGflops(column) / peak.gflopsOn(threads.get(column))));
            }
            table.add(cells);
        }
        return table;
    }
}
