package org.scalelab.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.scalelab.engine.bench.LayerBenchmark;
import org.scalelab.engine.bench.SideBySide;
import org.scalelab.engine.predict.Calibrator;

/**
 * The calibration's measurements, each in a JVM of its own with its native thread count, as {@code bench layers} and
 * {@code bench} run them: what {@code scalelab predict calibrate} and the workbench's "Calibrate this machine" use.
 */
public final class ChildJvmMeasurements implements Calibrator.Measurements {
    private static final int STEPS = 10;
    /**
     * Layers are timed after their {@link #STEPS} warm-up steps only, as for the calibrations the model was validated
     * with (docs/SCALING-MODEL.md); {@code bench layers} warms up longer.
     */
    private static final long LAYER_WARMUP_MILLIS = 0;

    @Override
    public LayerBenchmark.Result layers(String model, int batch) throws IOException, InterruptedException {
        return BenchChild.measure(BenchWorker.Mode.LAYERS, model, batch, STEPS, 1, LAYER_WARMUP_MILLIS,
                LayerMeasurement.class, quiet()).result();
    }

    @Override
    public SideBySide.Result sideBySide(String model, int batch) throws IOException, InterruptedException {
        return BenchChild.measure(BenchWorker.Mode.SIDE_BY_SIDE, model, batch, SideBySide.ROUNDS, 1, 0,
                SideBySide.Result.class, quiet());
    }

    /** The progress bar says what is measured; the child's own "Measuring …" line would break it. */
    private static PrintWriter quiet() {
        return new PrintWriter(PrintWriter.nullWriter());
    }
}
