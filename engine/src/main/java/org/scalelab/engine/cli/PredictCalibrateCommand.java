package org.scalelab.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.scalelab.engine.bench.AllreduceBenchmark.Transport;
import org.scalelab.engine.predict.Calibrator;
import org.scalelab.engine.predict.ComputeProfile;
import org.scalelab.engine.predict.LinkCost;
import org.scalelab.engine.predict.MachineCalibration;
import org.scalelab.engine.predict.MessageExcess;
import org.scalelab.engine.training.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code scalelab predict calibrate}: measures what the scaling model needs on this machine and saves it. */
@Command(name = "calibrate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures each model's layers at several batch sizes, short training runs (serial at two batch sizes "
                + "and with two native threads), the cost of summing floats, and allreduce sweeps over message sizes for every transport; "
                + "saves the fitted model with this machine's description. A few minutes for two models."})
public final class PredictCalibrateCommand implements Callable<Integer> {

    @Option(names = "--models", split = ",", paramLabel = "MODEL", description = "Default: ${DEFAULT-VALUE}.")
    List<String> models = Calibrator.Plan.STANDARD_MODELS;

    @Mixin
    DataDirOption data;

    @Mixin
    CalibrationFileOption calibrationFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        OptionChecks.models("models", models);
        PrintWriter err = spec.commandLine().getErr();
        Calibrator.Plan plan = Calibrator.Plan.standard(models);
        MachineCalibration calibration;
        try (CancelOnShutdown ctrlC = new CancelOnShutdown();
             ErrorStreamProgressBar bar = new ErrorStreamProgressBar(err, "Calibrating", plan.measurements(), "", 1)) {
            Calibrator calibrator = new Calibrator(new ChildJvmMeasurements(), data.catalog(), (done, total, next) -> {
                bar.stepTo(done);
                bar.setExtraMessage(next);
            }, new CancellationToken(ctrlC));
            calibration = calibrator.calibrate(plan);
        }
        Path file = calibrationFile.file();
        calibration.save(file);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Saved " + file);
        out.println("Machine: " + calibration.machine());
        describe(calibration, out);
        out.flush();
        return 0;
    }

    /** How far the largest message measured fell off the line: where the line alone would mislead. */
    private static String largestExcess(MessageExcess excess) {
        if (excess.points().isEmpty()) {
            return "";
        }
        MessageExcess.Point largest = excess.points().get(excess.points().size() - 1);
        double millis = largest.seconds() * 1e3;
        return String.format(Locale.ROOT, "; a %.2f MB message %+.2f ms off it", largest.floats() * Float.BYTES / 1e6,
                Math.abs(millis) < 0.005 ? 0 : millis); // not "-0.00"
    }

    /** The fitted figures in a few lines: what a user checks before trusting the predictions. */
    static void describe(MachineCalibration calibration, PrintWriter out) {
        out.printf(Locale.ROOT, "Reduction γ: %.3f ns per float%n", calibration.secondsPerReducedFloat() * 1e9);
        for (Transport transport : Transport.values()) {
            LinkCost link = calibration.transports().get(transport);
            if (link != null) {
                out.printf(Locale.ROOT, "%-24s α %8.1f µs   β %6.3f ns/byte (%.2f GB/s)%s%n", transport.label(),
                        link.latencySeconds() * 1e6, link.secondsPerByte() * 1e9, 1e-9 / link.secondsPerByte(),
                        largestExcess(link.excess()));
            }
        }
        for (ComputeProfile profile : calibration.models().values()) {
            // the rest at the last batch is ≥ 0 by construction but for rounding, which printed "-0.00"
            out.printf(Locale.ROOT, "%s: %.2f ms per step at batch 64 (1 thread), %.2f with 2; rest %.2f ms%n",
                    profile.model(), profile.computeSeconds(64, 1) * 1e3, profile.computeSeconds(64, 2) * 1e3,
                    Math.max(0, profile.restSeconds(64)) * 1e3);
            out.printf(Locale.ROOT, "  a step beside a second worker: %+.1f %% on average; the slower of two ends %.1f %% "
                    + "past the mean (alone: %.1f %%)%n", 100 * (profile.besideSteps().mean() - 1),
                    100 * profile.besideSteps().lagOfSlowest(2, 1), 100 * profile.aloneSteps().lagOfSlowest(2, 1));
            out.println("  one worker's step against serial: " + profile.workerSlowdown().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> String.format(Locale.ROOT, "%s %.2f×", e.getKey(), e.getValue())).collect(Collectors.joining(", ")));
        }
    }
}
