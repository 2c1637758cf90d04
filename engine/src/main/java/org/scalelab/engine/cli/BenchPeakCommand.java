package org.scalelab.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scalelab.engine.bench.GemmPeak;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scalelab bench peak}: the machine's sgemm rate, what every model's rate is read against. */
@Command(name = "peak", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure this machine's single-precision matrix-product (sgemm) rate through the native "
                + "libraries the layers use, in a JVM of its own with the given native thread count.")
public final class BenchPeakCommand implements Callable<Integer> {
    /** Large enough that the product runs at full speed, small enough to take seconds. */
    static final int DEFAULT_SIZE = 2048;

    @Option(names = "--size", paramLabel = "N", description = "The matrices' side. Default: ${DEFAULT-VALUE}.")
    int size = DEFAULT_SIZE;

    @Option(names = "--threads", paramLabel = "N", description = "Native threads. Default: ${DEFAULT-VALUE}.")
    int threads = 1;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        OptionChecks.atLeastOne("size", size);
        OptionChecks.atLeastOne("threads", threads);
        PeakMeasurement peak = measure(size, threads, spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        out.println("Machine: " + peak.environment().describe());
        out.println(describe(peak));
        out.flush();
        return 0;
    }

    /** Measures the peak in a child JVM with {@code threads} native threads. */
    static PeakMeasurement measure(int size, int threads, PrintWriter progress) throws IOException, InterruptedException {
        return BenchChild.measure(BenchWorker.Mode.PEAK, "sgemm " + size + "×" + size, size, GemmPeak.REPEATS, threads, 0,
                PeakMeasurement.class, progress);
    }

    /** "Peak: 112.4 GFLOP/s (sgemm 2048×2048, 1 native thread, median of 10 products: 152.8 ms)". */
    static String describe(PeakMeasurement peak) {
        GemmPeak.Result result = peak.result();
        return String.format(Locale.ROOT, "Peak: %.1f GFLOP/s (sgemm %d×%d, %d native thread%s, median of %d products: %.1f ms)",
                result.gflops(), result.size(), result.size(), peak.threads(), peak.threads() == 1 ? "" : "s",
                GemmPeak.REPEATS, result.medianMillis());
    }
}
