package org.scalelab.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
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

    @Mixin
    SyntheticStepOptions step;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        checkOptions();
        PrintWriter out = spec.commandLine().getOut();
        List<String> names = models != null ? models : Presets.names();
        OptionChecks.models("models", names);
        PeakMeasurement peak = BenchPeakCommand.measure(BenchPeakCommand.DEFAULT_SIZE, 1, spec.commandLine().getErr());
        List<List<BenchMeasurement>> byModel = new ArrayList<>();
        for (String model : names) {
            List<BenchMeasurement> row = new ArrayList<>();
            for (int threadCount : threads) {
                row.add(measure(model, threadCount));
            }
            byModel.add(row);
        }
        out.println("Machine: " + byModel.get(0).get(0).environment().describe());
        out.println(BenchPeakCommand.describe(peak) + "; with N threads, N times it");
        out.println();
        table(byModel, peak).print(out, step.markdown);
        out.flush();
        return 0;
    }

    private void checkOptions() {
        step.check();
        OptionChecks.allAtLeastOne("threads", threads, "thread counts");
    }

    private BenchMeasurement measure(String model, int threadCount) throws IOException, InterruptedException {
        return BenchChild.measure(BenchWorker.Mode.SPEED, model, step.batchSize, step.steps, threadCount,
                step.warmupMillis(), BenchMeasurement.class, spec.commandLine().getErr());
    }

    private TextTable table(List<List<BenchMeasurement>> byModel, PeakMeasurement peak) {
        List<String> header = new ArrayList<>(List.of("Model", "Parameters", "Batch"));
        threads.forEach(t -> header.add(t + (t == 1 ? " thread" : " threads") + " (img/s)"));
        if (threads.size() > 1) {
            header.add("Speedup " + threads.get(threads.size() - 1) + " vs " + threads.get(0));
        }
        threads.forEach(t -> header.add("Of peak (" + t + ")"));
        boolean[] numeric = new boolean[header.size()];
        Arrays.fill(numeric, 1, numeric.length, true);
        TextTable table = new TextTable(header, numeric);
        for (List<BenchMeasurement> row : byModel) {
            BenchMeasurement first = row.get(0);
            List<String> cells = new ArrayList<>(List.of(first.model(), String.format(Locale.ROOT, "%,d", first.parameters()),
                    String.valueOf(first.batchSize())));
            row.forEach(m -> cells.add(String.format(Locale.ROOT, "%,.0f", m.imagesPerSecond())));
            if (row.size() > 1) {
                cells.add(String.format(Locale.ROOT, "%.2f×", row.get(row.size() - 1).imagesPerSecond() / first.imagesPerSecond()));
            }
            row.forEach(m -> cells.add(String.format(Locale.ROOT, "%.0f %%", 100 * m.gflops() / peak.gflopsOn(m.threads()))));
            table.add(cells);
        }
        return table;
    }
}
