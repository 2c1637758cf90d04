package org.scalelab.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scalelab.engine.bench.LayerBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scalelab bench layers}: where one training step's time goes, layer by layer. */
@Command(name = "layers", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Times each layer's forward and backward pass, the input conversion, the loss and the SGD "
                + "update of one model on a synthetic batch, in a JVM of its own with the given native thread count.",
                "Times are means over the timed steps, after as many warm-up steps (and at least "
                        + SyntheticStepOptions.WARMUP_SECONDS + " s of them)."})
public final class BenchLayersCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "MODEL", description = "A preset or an architecture file. Default: ${DEFAULT-VALUE}.")
    String model = "cnn-1m";

    @Option(names = "--threads", paramLabel = "N", description = "Native threads. Default: ${DEFAULT-VALUE}.")
    int threads = 1;

    @Mixin
    SyntheticStepOptions step;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        step.check();
        OptionChecks.atLeastOne("threads", threads);
        OptionChecks.models("model", List.of(model));
        PeakMeasurement peak = BenchPeakCommand.measure(BenchPeakCommand.DEFAULT_SIZE, threads, spec.commandLine().getErr());
        LayerMeasurement measurement = BenchChild.measure(BenchWorker.Mode.LAYERS, model, step.batchSize, step.steps, threads,
                step.warmupMillis(), LayerMeasurement.class, spec.commandLine().getErr());
        LayerBenchmark.Result result = measurement.result();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Machine: " + measurement.environment().describe());
        out.printf(Locale.ROOT, "%s, batch %d, %d native thread%s: %.2f ms per step (%,.0f images/s), mean of %d steps%n",
                result.architecture(), result.batchSize(), threads, threads == 1 ? "" : "s", result.stepMillis(),
                result.batchSize() * 1000 / result.stepMillis(), result.steps());
        out.println(BenchPeakCommand.describe(peak));
        out.printf(Locale.ROOT, "The step's matrix work runs at %.1f GFLOP/s: %.0f %% of the peak%n", result.stepGflops(),
                100 * result.stepGflops() / peak.gflopsOn(threads));
        out.println();
        table(result).print(out, step.markdown);
        out.flush();
        return 0;
    }

    private static TextTable table(LayerBenchmark.Result result) {
        List<String> header = List.of("#", "Part", "Output", "Parameters", "Forward ms", "Backward ms", "Share of step",
                "Forward GFLOP/s", "Backward GFLOP/s");
        boolean[] numeric = new boolean[header.size()];
        Arrays.fill(numeric, 3, numeric.length, true);
        TextTable table = new TextTable(header, numeric);
        double step = result.stepMillis();
        table.add(row("", "input to NHWC", "", 0, result.inputLayoutMillis(), Double.NaN, step));
        List<LayerBenchmark.LayerTime> layers = result.layers();
        for (int i = 0; i < layers.size(); i++) {
            LayerBenchmark.LayerTime layer = layers.get(i);
            List<String> cells = row(String.valueOf(i + 1), layer.kind(), layer.output(), layer.parameters(),
                    layer.forwardMillis(), layer.backwardMillis(), step);
            cells.set(7, gigaflops(layer.forwardFlops(), layer.forwardMillis()));
            cells.set(8, gigaflops(layer.backwardFlops(), layer.backwardMillis()));
            table.add(cells);
        }
        table.add(row("", "loss", "", 0, result.lossMillis(), Double.NaN, step));
        table.add(row("", "SGD update", "", 0, result.updateMillis(), Double.NaN, step));
        return table;
    }

    /** A row with empty GFLOP/s cells. */
    private static List<String> row(String index, String part, String output, int parameters, double forward,
                                    double backward, double step) {
        List<String> cells = new ArrayList<>(List.of(index, part, output,
                parameters == 0 ? "" : String.format(Locale.ROOT, "%,d", parameters), millis(forward), millis(backward)));
        double total = forward + (Double.isNaN(backward) ? 0 : backward);
        cells.add(String.format(Locale.ROOT, "%.1f %%", 100 * total / step));
        cells.add("");
        cells.add("");
        return cells;
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String gigaflops(long flops, double millis) {
        return flops == 0 || millis == 0 ? "" : String.format(Locale.ROOT, "%.1f", flops / millis / 1e6);
    }
}
